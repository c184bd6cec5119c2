export class ArbiterContext {}
