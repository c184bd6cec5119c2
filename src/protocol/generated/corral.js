/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $Array = $util.global.Array, $String = $util.global.String, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const corral = $root.corral = (() => {

    /**
     * Namespace corral.
     * @exports corral
     * @namespace
     */
    const corral = {};

    corral.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof corral
         * @namespace
         */
        const v1 = {};

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} corral.v1.Envelope.$Properties
             * @property {corral.v1.Hello.$Properties|null} [hello] Envelope hello
             * @property {corral.v1.Welcome.$Properties|null} [welcome] Envelope welcome
             * @property {corral.v1.Ready.$Properties|null} [ready] Envelope ready
             * @property {corral.v1.Heartbeat.$Properties|null} [heartbeat] Envelope heartbeat
             * @property {corral.v1.AcceptGrant.$Properties|null} [acceptGrant] Envelope acceptGrant
             * @property {corral.v1.AcceptDone.$Properties|null} [acceptDone] Envelope acceptDone
             * @property {corral.v1.ConnectionHandoff.$Properties|null} [handoff] Envelope handoff
             * @property {corral.v1.HandoffAck.$Properties|null} [handoffAck] Envelope handoffAck
             * @property {corral.v1.AcceptRevoke.$Properties|null} [acceptRevoke] Envelope acceptRevoke
             * @property {corral.v1.Drain.$Properties|null} [drain] Envelope drain
             * @property {corral.v1.Stop.$Properties|null} [stop] Envelope stop
             * @property {corral.v1.Goodbye.$Properties|null} [goodbye] Envelope goodbye
             * @property {corral.v1.Error.$Properties|null} [error] Envelope error
             * @property {corral.v1.Execute.$Properties|null} [execute] Envelope execute
             * @property {corral.v1.Result.$Properties|null} [result] Envelope result
             * @property {corral.v1.Chunk.$Properties|null} [chunk] Envelope chunk
             * @property {corral.v1.End.$Properties|null} [end] Envelope end
             * @property {corral.v1.Cancel.$Properties|null} [cancel] Envelope cancel
             * @property {corral.v1.Credit.$Properties|null} [credit] Envelope credit
             * @property {"hello"|"welcome"|"ready"|"heartbeat"|"acceptGrant"|"acceptDone"|"handoff"|"handoffAck"|"acceptRevoke"|"drain"|"stop"|"goodbye"|"error"|"execute"|"result"|"chunk"|"end"|"cancel"|"credit"} [body] Envelope body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof corral.v1
             * @interface IEnvelope
             * @augments corral.v1.Envelope.$Properties
             * @deprecated Use corral.v1.Envelope.$Properties instead.
             */

            /**
             * Narrowed shape of an Envelope.
             * @typedef {{
             *   hello?: corral.v1.Hello.$Shape|null;
             *   welcome?: corral.v1.Welcome.$Shape|null;
             *   ready?: corral.v1.Ready.$Shape|null;
             *   heartbeat?: corral.v1.Heartbeat.$Shape|null;
             *   acceptGrant?: corral.v1.AcceptGrant.$Shape|null;
             *   acceptDone?: corral.v1.AcceptDone.$Shape|null;
             *   handoff?: corral.v1.ConnectionHandoff.$Shape|null;
             *   handoffAck?: corral.v1.HandoffAck.$Shape|null;
             *   acceptRevoke?: corral.v1.AcceptRevoke.$Shape|null;
             *   drain?: corral.v1.Drain.$Shape|null;
             *   stop?: corral.v1.Stop.$Shape|null;
             *   goodbye?: corral.v1.Goodbye.$Shape|null;
             *   error?: corral.v1.Error.$Shape|null;
             *   execute?: corral.v1.Execute.$Shape|null;
             *   result?: corral.v1.Result.$Shape|null;
             *   chunk?: corral.v1.Chunk.$Shape|null;
             *   end?: corral.v1.End.$Shape|null;
             *   cancel?: corral.v1.Cancel.$Shape|null;
             *   credit?: corral.v1.Credit.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "hello"; hello: corral.v1.Hello.$Shape; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "welcome"; hello?: null; welcome: corral.v1.Welcome.$Shape; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "ready"; hello?: null; welcome?: null; ready: corral.v1.Ready.$Shape; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "heartbeat"; hello?: null; welcome?: null; ready?: null; heartbeat: corral.v1.Heartbeat.$Shape; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "acceptGrant"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant: corral.v1.AcceptGrant.$Shape; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "acceptDone"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone: corral.v1.AcceptDone.$Shape; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "handoff"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff: corral.v1.ConnectionHandoff.$Shape; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "handoffAck"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck: corral.v1.HandoffAck.$Shape; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "acceptRevoke"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke: corral.v1.AcceptRevoke.$Shape; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "drain"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain: corral.v1.Drain.$Shape; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "stop"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop: corral.v1.Stop.$Shape; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "goodbye"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye: corral.v1.Goodbye.$Shape; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "error"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error: corral.v1.Error.$Shape; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "execute"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute: corral.v1.Execute.$Shape; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "result"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result: corral.v1.Result.$Shape; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "chunk"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk: corral.v1.Chunk.$Shape; end?: null; cancel?: null; credit?: null }|{ body?: "end"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end: corral.v1.End.$Shape; cancel?: null; credit?: null }|{ body?: "cancel"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel: corral.v1.Cancel.$Shape; credit?: null }|{ body?: "credit"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit: corral.v1.Credit.$Shape })
             * )} corral.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof corral.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {corral.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope hello.
             * @member {corral.v1.Hello.$Properties|null|undefined} hello
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.hello = null;

            /**
             * Envelope welcome.
             * @member {corral.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.welcome = null;

            /**
             * Envelope ready.
             * @member {corral.v1.Ready.$Properties|null|undefined} ready
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.ready = null;

            /**
             * Envelope heartbeat.
             * @member {corral.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.heartbeat = null;

            /**
             * Envelope acceptGrant.
             * @member {corral.v1.AcceptGrant.$Properties|null|undefined} acceptGrant
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.acceptGrant = null;

            /**
             * Envelope acceptDone.
             * @member {corral.v1.AcceptDone.$Properties|null|undefined} acceptDone
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.acceptDone = null;

            /**
             * Envelope handoff.
             * @member {corral.v1.ConnectionHandoff.$Properties|null|undefined} handoff
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.handoff = null;

            /**
             * Envelope handoffAck.
             * @member {corral.v1.HandoffAck.$Properties|null|undefined} handoffAck
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.handoffAck = null;

            /**
             * Envelope acceptRevoke.
             * @member {corral.v1.AcceptRevoke.$Properties|null|undefined} acceptRevoke
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.acceptRevoke = null;

            /**
             * Envelope drain.
             * @member {corral.v1.Drain.$Properties|null|undefined} drain
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.drain = null;

            /**
             * Envelope stop.
             * @member {corral.v1.Stop.$Properties|null|undefined} stop
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.stop = null;

            /**
             * Envelope goodbye.
             * @member {corral.v1.Goodbye.$Properties|null|undefined} goodbye
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.goodbye = null;

            /**
             * Envelope error.
             * @member {corral.v1.Error.$Properties|null|undefined} error
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.error = null;

            /**
             * Envelope execute.
             * @member {corral.v1.Execute.$Properties|null|undefined} execute
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.execute = null;

            /**
             * Envelope result.
             * @member {corral.v1.Result.$Properties|null|undefined} result
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.result = null;

            /**
             * Envelope chunk.
             * @member {corral.v1.Chunk.$Properties|null|undefined} chunk
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.chunk = null;

            /**
             * Envelope end.
             * @member {corral.v1.End.$Properties|null|undefined} end
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.end = null;

            /**
             * Envelope cancel.
             * @member {corral.v1.Cancel.$Properties|null|undefined} cancel
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.cancel = null;

            /**
             * Envelope credit.
             * @member {corral.v1.Credit.$Properties|null|undefined} credit
             * @memberof corral.v1.Envelope
             * @instance
             */
            Envelope.prototype.credit = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"hello"|"welcome"|"ready"|"heartbeat"|"acceptGrant"|"acceptDone"|"handoff"|"handoffAck"|"acceptRevoke"|"drain"|"stop"|"goodbye"|"error"|"execute"|"result"|"chunk"|"end"|"cancel"|"credit"|undefined} body
             * @memberof corral.v1.Envelope
             * @instance
             */
            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "welcome", "ready", "heartbeat", "acceptGrant", "acceptDone", "handoff", "handoffAck", "acceptRevoke", "drain", "stop", "goodbye", "error", "execute", "result", "chunk", "end", "cancel", "credit"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof corral.v1.Envelope
             * @static
             * @param {corral.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: corral.v1.Envelope.$Shape): corral.v1.Envelope & corral.v1.Envelope.$Shape;
             *   (properties?: corral.v1.Envelope.$Properties): corral.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link corral.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Envelope
             * @static
             * @param {corral.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.corral.v1.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.corral.v1.Welcome.encode(message.welcome, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.ready != null && $Object.hasOwnProperty.call(message, "ready"))
                    $root.corral.v1.Ready.encode(message.ready, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.corral.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.acceptGrant != null && $Object.hasOwnProperty.call(message, "acceptGrant"))
                    $root.corral.v1.AcceptGrant.encode(message.acceptGrant, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.acceptDone != null && $Object.hasOwnProperty.call(message, "acceptDone"))
                    $root.corral.v1.AcceptDone.encode(message.acceptDone, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.handoff != null && $Object.hasOwnProperty.call(message, "handoff"))
                    $root.corral.v1.ConnectionHandoff.encode(message.handoff, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.handoffAck != null && $Object.hasOwnProperty.call(message, "handoffAck"))
                    $root.corral.v1.HandoffAck.encode(message.handoffAck, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.acceptRevoke != null && $Object.hasOwnProperty.call(message, "acceptRevoke"))
                    $root.corral.v1.AcceptRevoke.encode(message.acceptRevoke, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.drain != null && $Object.hasOwnProperty.call(message, "drain"))
                    $root.corral.v1.Drain.encode(message.drain, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.stop != null && $Object.hasOwnProperty.call(message, "stop"))
                    $root.corral.v1.Stop.encode(message.stop, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                if (message.goodbye != null && $Object.hasOwnProperty.call(message, "goodbye"))
                    $root.corral.v1.Goodbye.encode(message.goodbye, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.corral.v1.Error.encode(message.error, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
                if (message.execute != null && $Object.hasOwnProperty.call(message, "execute"))
                    $root.corral.v1.Execute.encode(message.execute, writer.uint32(/* id 30, wireType 2 =*/242).fork(), _depth + 1).ldelim();
                if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                    $root.corral.v1.Result.encode(message.result, writer.uint32(/* id 31, wireType 2 =*/250).fork(), _depth + 1).ldelim();
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    $root.corral.v1.Chunk.encode(message.chunk, writer.uint32(/* id 32, wireType 2 =*/258).fork(), _depth + 1).ldelim();
                if (message.end != null && $Object.hasOwnProperty.call(message, "end"))
                    $root.corral.v1.End.encode(message.end, writer.uint32(/* id 33, wireType 2 =*/266).fork(), _depth + 1).ldelim();
                if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel"))
                    $root.corral.v1.Cancel.encode(message.cancel, writer.uint32(/* id 34, wireType 2 =*/274).fork(), _depth + 1).ldelim();
                if (message.credit != null && $Object.hasOwnProperty.call(message, "credit"))
                    $root.corral.v1.Credit.encode(message.credit, writer.uint32(/* id 35, wireType 2 =*/282).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Envelope & corral.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.corral.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.corral.v1.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.body = "welcome";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.ready = $root.corral.v1.Ready.decode(reader, reader.size(), $undefined, _depth + 1, message.ready);
                            message.body = "ready";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.corral.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.acceptGrant = $root.corral.v1.AcceptGrant.decode(reader, reader.size(), $undefined, _depth + 1, message.acceptGrant);
                            message.body = "acceptGrant";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.acceptDone = $root.corral.v1.AcceptDone.decode(reader, reader.size(), $undefined, _depth + 1, message.acceptDone);
                            message.body = "acceptDone";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.handoff = $root.corral.v1.ConnectionHandoff.decode(reader, reader.size(), $undefined, _depth + 1, message.handoff);
                            message.body = "handoff";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.handoffAck = $root.corral.v1.HandoffAck.decode(reader, reader.size(), $undefined, _depth + 1, message.handoffAck);
                            message.body = "handoffAck";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.acceptRevoke = $root.corral.v1.AcceptRevoke.decode(reader, reader.size(), $undefined, _depth + 1, message.acceptRevoke);
                            message.body = "acceptRevoke";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.drain = $root.corral.v1.Drain.decode(reader, reader.size(), $undefined, _depth + 1, message.drain);
                            message.body = "drain";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.stop = $root.corral.v1.Stop.decode(reader, reader.size(), $undefined, _depth + 1, message.stop);
                            message.body = "stop";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.goodbye = $root.corral.v1.Goodbye.decode(reader, reader.size(), $undefined, _depth + 1, message.goodbye);
                            message.body = "goodbye";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.corral.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 30: {
                            if (wireType !== 2)
                                break;
                            message.execute = $root.corral.v1.Execute.decode(reader, reader.size(), $undefined, _depth + 1, message.execute);
                            message.body = "execute";
                            continue;
                        }
                    case 31: {
                            if (wireType !== 2)
                                break;
                            message.result = $root.corral.v1.Result.decode(reader, reader.size(), $undefined, _depth + 1, message.result);
                            message.body = "result";
                            continue;
                        }
                    case 32: {
                            if (wireType !== 2)
                                break;
                            message.chunk = $root.corral.v1.Chunk.decode(reader, reader.size(), $undefined, _depth + 1, message.chunk);
                            message.body = "chunk";
                            continue;
                        }
                    case 33: {
                            if (wireType !== 2)
                                break;
                            message.end = $root.corral.v1.End.decode(reader, reader.size(), $undefined, _depth + 1, message.end);
                            message.body = "end";
                            continue;
                        }
                    case 34: {
                            if (wireType !== 2)
                                break;
                            message.cancel = $root.corral.v1.Cancel.decode(reader, reader.size(), $undefined, _depth + 1, message.cancel);
                            message.body = "cancel";
                            continue;
                        }
                    case 35: {
                            if (wireType !== 2)
                                break;
                            message.credit = $root.corral.v1.Credit.decode(reader, reader.size(), $undefined, _depth + 1, message.credit);
                            message.body = "credit";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Envelope();
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw $TypeError(".corral.v1.Envelope.hello: object expected");
                    message.hello = $root.corral.v1.Hello.fromObject(object.hello, _depth + 1);
                }
                if (object.welcome != null) {
                    if (!$util.isObject(object.welcome))
                        throw $TypeError(".corral.v1.Envelope.welcome: object expected");
                    message.welcome = $root.corral.v1.Welcome.fromObject(object.welcome, _depth + 1);
                }
                if (object.ready != null) {
                    if (!$util.isObject(object.ready))
                        throw $TypeError(".corral.v1.Envelope.ready: object expected");
                    message.ready = $root.corral.v1.Ready.fromObject(object.ready, _depth + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw $TypeError(".corral.v1.Envelope.heartbeat: object expected");
                    message.heartbeat = $root.corral.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                }
                if (object.acceptGrant != null) {
                    if (!$util.isObject(object.acceptGrant))
                        throw $TypeError(".corral.v1.Envelope.acceptGrant: object expected");
                    message.acceptGrant = $root.corral.v1.AcceptGrant.fromObject(object.acceptGrant, _depth + 1);
                }
                if (object.acceptDone != null) {
                    if (!$util.isObject(object.acceptDone))
                        throw $TypeError(".corral.v1.Envelope.acceptDone: object expected");
                    message.acceptDone = $root.corral.v1.AcceptDone.fromObject(object.acceptDone, _depth + 1);
                }
                if (object.handoff != null) {
                    if (!$util.isObject(object.handoff))
                        throw $TypeError(".corral.v1.Envelope.handoff: object expected");
                    message.handoff = $root.corral.v1.ConnectionHandoff.fromObject(object.handoff, _depth + 1);
                }
                if (object.handoffAck != null) {
                    if (!$util.isObject(object.handoffAck))
                        throw $TypeError(".corral.v1.Envelope.handoffAck: object expected");
                    message.handoffAck = $root.corral.v1.HandoffAck.fromObject(object.handoffAck, _depth + 1);
                }
                if (object.acceptRevoke != null) {
                    if (!$util.isObject(object.acceptRevoke))
                        throw $TypeError(".corral.v1.Envelope.acceptRevoke: object expected");
                    message.acceptRevoke = $root.corral.v1.AcceptRevoke.fromObject(object.acceptRevoke, _depth + 1);
                }
                if (object.drain != null) {
                    if (!$util.isObject(object.drain))
                        throw $TypeError(".corral.v1.Envelope.drain: object expected");
                    message.drain = $root.corral.v1.Drain.fromObject(object.drain, _depth + 1);
                }
                if (object.stop != null) {
                    if (!$util.isObject(object.stop))
                        throw $TypeError(".corral.v1.Envelope.stop: object expected");
                    message.stop = $root.corral.v1.Stop.fromObject(object.stop, _depth + 1);
                }
                if (object.goodbye != null) {
                    if (!$util.isObject(object.goodbye))
                        throw $TypeError(".corral.v1.Envelope.goodbye: object expected");
                    message.goodbye = $root.corral.v1.Goodbye.fromObject(object.goodbye, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".corral.v1.Envelope.error: object expected");
                    message.error = $root.corral.v1.Error.fromObject(object.error, _depth + 1);
                }
                if (object.execute != null) {
                    if (!$util.isObject(object.execute))
                        throw $TypeError(".corral.v1.Envelope.execute: object expected");
                    message.execute = $root.corral.v1.Execute.fromObject(object.execute, _depth + 1);
                }
                if (object.result != null) {
                    if (!$util.isObject(object.result))
                        throw $TypeError(".corral.v1.Envelope.result: object expected");
                    message.result = $root.corral.v1.Result.fromObject(object.result, _depth + 1);
                }
                if (object.chunk != null) {
                    if (!$util.isObject(object.chunk))
                        throw $TypeError(".corral.v1.Envelope.chunk: object expected");
                    message.chunk = $root.corral.v1.Chunk.fromObject(object.chunk, _depth + 1);
                }
                if (object.end != null) {
                    if (!$util.isObject(object.end))
                        throw $TypeError(".corral.v1.Envelope.end: object expected");
                    message.end = $root.corral.v1.End.fromObject(object.end, _depth + 1);
                }
                if (object.cancel != null) {
                    if (!$util.isObject(object.cancel))
                        throw $TypeError(".corral.v1.Envelope.cancel: object expected");
                    message.cancel = $root.corral.v1.Cancel.fromObject(object.cancel, _depth + 1);
                }
                if (object.credit != null) {
                    if (!$util.isObject(object.credit))
                        throw $TypeError(".corral.v1.Envelope.credit: object expected");
                    message.credit = $root.corral.v1.Credit.fromObject(object.credit, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Envelope
             * @static
             * @param {corral.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.corral.v1.Hello.toObject(message.hello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome")) {
                    object.welcome = $root.corral.v1.Welcome.toObject(message.welcome, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "welcome";
                }
                if (message.ready != null && $Object.hasOwnProperty.call(message, "ready")) {
                    object.ready = $root.corral.v1.Ready.toObject(message.ready, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ready";
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.corral.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                if (message.acceptGrant != null && $Object.hasOwnProperty.call(message, "acceptGrant")) {
                    object.acceptGrant = $root.corral.v1.AcceptGrant.toObject(message.acceptGrant, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "acceptGrant";
                }
                if (message.acceptDone != null && $Object.hasOwnProperty.call(message, "acceptDone")) {
                    object.acceptDone = $root.corral.v1.AcceptDone.toObject(message.acceptDone, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "acceptDone";
                }
                if (message.handoff != null && $Object.hasOwnProperty.call(message, "handoff")) {
                    object.handoff = $root.corral.v1.ConnectionHandoff.toObject(message.handoff, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "handoff";
                }
                if (message.handoffAck != null && $Object.hasOwnProperty.call(message, "handoffAck")) {
                    object.handoffAck = $root.corral.v1.HandoffAck.toObject(message.handoffAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "handoffAck";
                }
                if (message.acceptRevoke != null && $Object.hasOwnProperty.call(message, "acceptRevoke")) {
                    object.acceptRevoke = $root.corral.v1.AcceptRevoke.toObject(message.acceptRevoke, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "acceptRevoke";
                }
                if (message.drain != null && $Object.hasOwnProperty.call(message, "drain")) {
                    object.drain = $root.corral.v1.Drain.toObject(message.drain, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "drain";
                }
                if (message.stop != null && $Object.hasOwnProperty.call(message, "stop")) {
                    object.stop = $root.corral.v1.Stop.toObject(message.stop, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "stop";
                }
                if (message.goodbye != null && $Object.hasOwnProperty.call(message, "goodbye")) {
                    object.goodbye = $root.corral.v1.Goodbye.toObject(message.goodbye, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "goodbye";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.corral.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.execute != null && $Object.hasOwnProperty.call(message, "execute")) {
                    object.execute = $root.corral.v1.Execute.toObject(message.execute, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "execute";
                }
                if (message.result != null && $Object.hasOwnProperty.call(message, "result")) {
                    object.result = $root.corral.v1.Result.toObject(message.result, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "result";
                }
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk")) {
                    object.chunk = $root.corral.v1.Chunk.toObject(message.chunk, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "chunk";
                }
                if (message.end != null && $Object.hasOwnProperty.call(message, "end")) {
                    object.end = $root.corral.v1.End.toObject(message.end, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "end";
                }
                if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel")) {
                    object.cancel = $root.corral.v1.Cancel.toObject(message.cancel, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "cancel";
                }
                if (message.credit != null && $Object.hasOwnProperty.call(message, "credit")) {
                    object.credit = $root.corral.v1.Credit.toObject(message.credit, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "credit";
                }
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof corral.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Envelope;
        })();

        v1.Version = (function() {

            /**
             * Properties of a Version.
             * @typedef {Object} corral.v1.Version.$Properties
             * @property {number|null} [major] Version major
             * @property {number|null} [minor] Version minor
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Version.
             * @memberof corral.v1
             * @interface IVersion
             * @augments corral.v1.Version.$Properties
             * @deprecated Use corral.v1.Version.$Properties instead.
             */

            /**
             * Shape of a Version.
             * @typedef {corral.v1.Version.$Properties} corral.v1.Version.$Shape
             */

            /**
             * Constructs a new Version.
             * @memberof corral.v1
             * @classdesc Represents a Version.
             * @constructor
             * @param {corral.v1.Version.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Version = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Version major.
             * @member {number} major
             * @memberof corral.v1.Version
             * @instance
             */
            Version.prototype.major = 0;

            /**
             * Version minor.
             * @member {number} minor
             * @memberof corral.v1.Version
             * @instance
             */
            Version.prototype.minor = 0;

            /**
             * Creates a new Version instance using the specified properties.
             * @function create
             * @memberof corral.v1.Version
             * @static
             * @param {corral.v1.Version.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Version} Version instance
             * @type {{
             *   (properties: corral.v1.Version.$Shape): corral.v1.Version & corral.v1.Version.$Shape;
             *   (properties?: corral.v1.Version.$Properties): corral.v1.Version;
             * }}
             */
            Version.create = function(properties) {
                return new Version(properties);
            };

            /**
             * Encodes the specified Version message. Does not implicitly {@link corral.v1.Version.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Version
             * @static
             * @param {corral.v1.Version.$Properties} message Version message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Version.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.major != null && $Object.hasOwnProperty.call(message, "major") && message.major !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.major);
                if (message.minor != null && $Object.hasOwnProperty.call(message, "minor") && message.minor !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.minor);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Version message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Version
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Version & corral.v1.Version.$Shape} Version
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Version.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Version();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.major = value;
                            else
                                delete message.major;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.minor = value;
                            else
                                delete message.minor;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Version message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Version
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Version} Version
             */
            Version.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Version)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Version: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Version();
                if (object.major != null)
                    if ($Number(object.major) !== 0)
                        message.major = object.major >>> 0;
                if (object.minor != null)
                    if ($Number(object.minor) !== 0)
                        message.minor = object.minor >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Version message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Version
             * @static
             * @param {corral.v1.Version} message Version
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Version.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.major = 0;
                    object.minor = 0;
                }
                if (message.major != null && $Object.hasOwnProperty.call(message, "major"))
                    object.major = message.major;
                if (message.minor != null && $Object.hasOwnProperty.call(message, "minor"))
                    object.minor = message.minor;
                return object;
            };

            /**
             * Converts this Version to JSON.
             * @function toJSON
             * @memberof corral.v1.Version
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Version.prototype.toJSON = function() {
                return Version.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Version;
        })();

        /**
         * WorkerKind enum.
         * @name corral.v1.WorkerKind
         * @enum {number}
         * @property {number} WORKER_KIND_UNSPECIFIED=0 WORKER_KIND_UNSPECIFIED value
         * @property {number} WORKER_KIND_SOCKET=1 WORKER_KIND_SOCKET value
         * @property {number} WORKER_KIND_TASK=2 WORKER_KIND_TASK value
         * @property {number} WORKER_KIND_CLIENT=3 WORKER_KIND_CLIENT value
         */
        v1.WorkerKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "WORKER_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "WORKER_KIND_SOCKET"] = 1;
            values[valuesById[2] = "WORKER_KIND_TASK"] = 2;
            values[valuesById[3] = "WORKER_KIND_CLIENT"] = 3;
            return values;
        })();

        /**
         * AcceptStrategy enum.
         * @name corral.v1.AcceptStrategy
         * @enum {number}
         * @property {number} ACCEPT_STRATEGY_UNSPECIFIED=0 ACCEPT_STRATEGY_UNSPECIFIED value
         * @property {number} ACCEPT_STRATEGY_ARBITER=1 ACCEPT_STRATEGY_ARBITER value
         * @property {number} ACCEPT_STRATEGY_SHARED=2 ACCEPT_STRATEGY_SHARED value
         * @property {number} ACCEPT_STRATEGY_EXCLUSIVE=3 ACCEPT_STRATEGY_EXCLUSIVE value
         * @property {number} ACCEPT_STRATEGY_REUSEPORT=4 ACCEPT_STRATEGY_REUSEPORT value
         * @property {number} ACCEPT_STRATEGY_HANDOFF=5 ACCEPT_STRATEGY_HANDOFF value
         */
        v1.AcceptStrategy = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ACCEPT_STRATEGY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ACCEPT_STRATEGY_ARBITER"] = 1;
            values[valuesById[2] = "ACCEPT_STRATEGY_SHARED"] = 2;
            values[valuesById[3] = "ACCEPT_STRATEGY_EXCLUSIVE"] = 3;
            values[valuesById[4] = "ACCEPT_STRATEGY_REUSEPORT"] = 4;
            values[valuesById[5] = "ACCEPT_STRATEGY_HANDOFF"] = 5;
            return values;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} corral.v1.Hello.$Properties
             * @property {Array.<corral.v1.Version.$Properties>|null} [versions] Hello versions
             * @property {corral.v1.WorkerKind|null} [kind] Hello kind
             * @property {number|null} [pid] Hello pid
             * @property {Array.<string>|null} [features] Hello features
             * @property {number|null} [maxFrameBytes] Hello maxFrameBytes
             * @property {string|null} [implementation] Hello implementation
             * @property {number|null} [capacity] Hello capacity
             * @property {Array.<string>|null} [apps] Hello apps
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof corral.v1
             * @interface IHello
             * @augments corral.v1.Hello.$Properties
             * @deprecated Use corral.v1.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {corral.v1.Hello.$Properties} corral.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof corral.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {corral.v1.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                this.versions = [];
                this.features = [];
                this.apps = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello versions.
             * @member {Array.<corral.v1.Version.$Properties>} versions
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.versions = $util.emptyArray;

            /**
             * Hello kind.
             * @member {corral.v1.WorkerKind} kind
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.kind = 0;

            /**
             * Hello pid.
             * @member {number} pid
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.pid = 0;

            /**
             * Hello features.
             * @member {Array.<string>} features
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.features = $util.emptyArray;

            /**
             * Hello maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.maxFrameBytes = 0;

            /**
             * Hello implementation.
             * @member {string} implementation
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.implementation = "";

            /**
             * Hello capacity.
             * @member {number} capacity
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.capacity = 0;

            /**
             * Hello apps.
             * @member {Array.<string>} apps
             * @memberof corral.v1.Hello
             * @instance
             */
            Hello.prototype.apps = $util.emptyArray;

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof corral.v1.Hello
             * @static
             * @param {corral.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Hello} Hello instance
             * @type {{
             *   (properties: corral.v1.Hello.$Shape): corral.v1.Hello & corral.v1.Hello.$Shape;
             *   (properties?: corral.v1.Hello.$Properties): corral.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link corral.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Hello
             * @static
             * @param {corral.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.versions != null && message.versions.length)
                    for (let i = 0; i < message.versions.length; ++i)
                        $root.corral.v1.Version.encode(message.versions[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.pid);
                if (message.features != null && message.features.length)
                    for (let i = 0; i < message.features.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.features[i]);
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxFrameBytes);
                if (message.implementation != null && $Object.hasOwnProperty.call(message, "implementation") && message.implementation !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.implementation);
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.capacity);
                if (message.apps != null && message.apps.length)
                    for (let i = 0; i < message.apps.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.apps[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Hello & corral.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.versions && message.versions.length))
                                message.versions = [];
                            message.versions.push($root.corral.v1.Version.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pid = value;
                            else
                                delete message.pid;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.features && message.features.length))
                                message.features = [];
                            message.features.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.implementation = value;
                            else
                                delete message.implementation;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.capacity = value;
                            else
                                delete message.capacity;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.apps && message.apps.length))
                                message.apps = [];
                            message.apps.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Hello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Hello} Hello
             */
            Hello.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Hello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Hello();
                if (object.versions) {
                    if (!$Array.isArray(object.versions))
                        throw $TypeError(".corral.v1.Hello.versions: array expected");
                    message.versions = $Array(object.versions.length);
                    for (let i = 0; i < object.versions.length; ++i) {
                        if (!$util.isObject(object.versions[i]))
                            throw $TypeError(".corral.v1.Hello.versions: object expected");
                        message.versions[i] = $root.corral.v1.Version.fromObject(object.versions[i], _depth + 1);
                    }
                }
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.corral.v1.WorkerKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "WORKER_KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "WORKER_KIND_SOCKET":
                    case 1:
                        message.kind = 1;
                        break;
                    case "WORKER_KIND_TASK":
                    case 2:
                        message.kind = 2;
                        break;
                    case "WORKER_KIND_CLIENT":
                    case 3:
                        message.kind = 3;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.pid != null)
                    if ($Number(object.pid) !== 0)
                        message.pid = object.pid >>> 0;
                if (object.features) {
                    if (!$Array.isArray(object.features))
                        throw $TypeError(".corral.v1.Hello.features: array expected");
                    message.features = $Array(object.features.length);
                    for (let i = 0; i < object.features.length; ++i)
                        message.features[i] = $String(object.features[i]);
                }
                if (object.maxFrameBytes != null)
                    if ($Number(object.maxFrameBytes) !== 0)
                        message.maxFrameBytes = object.maxFrameBytes >>> 0;
                if (object.implementation != null)
                    if (typeof object.implementation !== "string" || object.implementation.length)
                        message.implementation = $String(object.implementation);
                if (object.capacity != null)
                    if ($Number(object.capacity) !== 0)
                        message.capacity = object.capacity >>> 0;
                if (object.apps) {
                    if (!$Array.isArray(object.apps))
                        throw $TypeError(".corral.v1.Hello.apps: array expected");
                    message.apps = $Array(object.apps.length);
                    for (let i = 0; i < object.apps.length; ++i)
                        message.apps[i] = $String(object.apps[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Hello
             * @static
             * @param {corral.v1.Hello} message Hello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.versions = [];
                    object.features = [];
                    object.apps = [];
                }
                if (options.defaults) {
                    object.kind = options.enums === $String ? "WORKER_KIND_UNSPECIFIED" : 0;
                    object.pid = 0;
                    object.maxFrameBytes = 0;
                    object.implementation = "";
                    object.capacity = 0;
                }
                if (message.versions && message.versions.length) {
                    object.versions = $Array(message.versions.length);
                    for (let j = 0; j < message.versions.length; ++j)
                        object.versions[j] = $root.corral.v1.Version.toObject(message.versions[j], options, _depth + 1);
                }
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.corral.v1.WorkerKind[message.kind] === $undefined ? message.kind : $root.corral.v1.WorkerKind[message.kind] : message.kind;
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.features && message.features.length) {
                    object.features = $Array(message.features.length);
                    for (let j = 0; j < message.features.length; ++j)
                        object.features[j] = message.features[j];
                }
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    object.maxFrameBytes = message.maxFrameBytes;
                if (message.implementation != null && $Object.hasOwnProperty.call(message, "implementation"))
                    object.implementation = message.implementation;
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                    object.capacity = message.capacity;
                if (message.apps && message.apps.length) {
                    object.apps = $Array(message.apps.length);
                    for (let j = 0; j < message.apps.length; ++j)
                        object.apps[j] = message.apps[j];
                }
                return object;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof corral.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hello;
        })();

        v1.Listener = (function() {

            /**
             * Properties of a Listener.
             * @typedef {Object} corral.v1.Listener.$Properties
             * @property {number|null} [index] Listener index
             * @property {string|null} [name] Listener name
             * @property {string|null} [address] Listener address
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Listener.
             * @memberof corral.v1
             * @interface IListener
             * @augments corral.v1.Listener.$Properties
             * @deprecated Use corral.v1.Listener.$Properties instead.
             */

            /**
             * Shape of a Listener.
             * @typedef {corral.v1.Listener.$Properties} corral.v1.Listener.$Shape
             */

            /**
             * Constructs a new Listener.
             * @memberof corral.v1
             * @classdesc Represents a Listener.
             * @constructor
             * @param {corral.v1.Listener.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Listener = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Listener index.
             * @member {number} index
             * @memberof corral.v1.Listener
             * @instance
             */
            Listener.prototype.index = 0;

            /**
             * Listener name.
             * @member {string} name
             * @memberof corral.v1.Listener
             * @instance
             */
            Listener.prototype.name = "";

            /**
             * Listener address.
             * @member {string} address
             * @memberof corral.v1.Listener
             * @instance
             */
            Listener.prototype.address = "";

            /**
             * Creates a new Listener instance using the specified properties.
             * @function create
             * @memberof corral.v1.Listener
             * @static
             * @param {corral.v1.Listener.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Listener} Listener instance
             * @type {{
             *   (properties: corral.v1.Listener.$Shape): corral.v1.Listener & corral.v1.Listener.$Shape;
             *   (properties?: corral.v1.Listener.$Properties): corral.v1.Listener;
             * }}
             */
            Listener.create = function(properties) {
                return new Listener(properties);
            };

            /**
             * Encodes the specified Listener message. Does not implicitly {@link corral.v1.Listener.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Listener
             * @static
             * @param {corral.v1.Listener.$Properties} message Listener message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Listener.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.index);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.address);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Listener message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Listener
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Listener & corral.v1.Listener.$Shape} Listener
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Listener.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Listener();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.address = value;
                            else
                                delete message.address;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Listener message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Listener
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Listener} Listener
             */
            Listener.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Listener)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Listener: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Listener();
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.address != null)
                    if (typeof object.address !== "string" || object.address.length)
                        message.address = $String(object.address);
                return message;
            };

            /**
             * Creates a plain object from a Listener message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Listener
             * @static
             * @param {corral.v1.Listener} message Listener
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Listener.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.index = 0;
                    object.name = "";
                    object.address = "";
                }
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    object.address = message.address;
                return object;
            };

            /**
             * Converts this Listener to JSON.
             * @function toJSON
             * @memberof corral.v1.Listener
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Listener.prototype.toJSON = function() {
                return Listener.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Listener;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} corral.v1.Welcome.$Properties
             * @property {corral.v1.Version.$Properties|null} [version] Welcome version
             * @property {number|null} [workerId] Welcome workerId
             * @property {number|null} [heartbeatIntervalMs] Welcome heartbeatIntervalMs
             * @property {number|null} [heartbeatTimeoutMs] Welcome heartbeatTimeoutMs
             * @property {Array.<corral.v1.Listener.$Properties>|null} [listeners] Welcome listeners
             * @property {number|null} [maxFrameBytes] Welcome maxFrameBytes
             * @property {corral.v1.AcceptStrategy|null} [strategy] Welcome strategy
             * @property {Array.<string>|null} [features] Welcome features
             * @property {number|null} [generation] Welcome generation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof corral.v1
             * @interface IWelcome
             * @augments corral.v1.Welcome.$Properties
             * @deprecated Use corral.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {corral.v1.Welcome.$Properties} corral.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof corral.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {corral.v1.Welcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (properties) {
                this.listeners = [];
                this.features = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Welcome version.
             * @member {corral.v1.Version.$Properties|null|undefined} version
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.version = null;

            /**
             * Welcome workerId.
             * @member {number} workerId
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.workerId = 0;

            /**
             * Welcome heartbeatIntervalMs.
             * @member {number} heartbeatIntervalMs
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.heartbeatIntervalMs = 0;

            /**
             * Welcome heartbeatTimeoutMs.
             * @member {number} heartbeatTimeoutMs
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.heartbeatTimeoutMs = 0;

            /**
             * Welcome listeners.
             * @member {Array.<corral.v1.Listener.$Properties>} listeners
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.listeners = $util.emptyArray;

            /**
             * Welcome maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.maxFrameBytes = 0;

            /**
             * Welcome strategy.
             * @member {corral.v1.AcceptStrategy} strategy
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.strategy = 0;

            /**
             * Welcome features.
             * @member {Array.<string>} features
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.features = $util.emptyArray;

            /**
             * Welcome generation.
             * @member {number} generation
             * @memberof corral.v1.Welcome
             * @instance
             */
            Welcome.prototype.generation = 0;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof corral.v1.Welcome
             * @static
             * @param {corral.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: corral.v1.Welcome.$Shape): corral.v1.Welcome & corral.v1.Welcome.$Shape;
             *   (properties?: corral.v1.Welcome.$Properties): corral.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link corral.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Welcome
             * @static
             * @param {corral.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    $root.corral.v1.Version.encode(message.version, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.workerId);
                if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs") && message.heartbeatIntervalMs !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.heartbeatIntervalMs);
                if (message.heartbeatTimeoutMs != null && $Object.hasOwnProperty.call(message, "heartbeatTimeoutMs") && message.heartbeatTimeoutMs !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.heartbeatTimeoutMs);
                if (message.listeners != null && message.listeners.length)
                    for (let i = 0; i < message.listeners.length; ++i)
                        $root.corral.v1.Listener.encode(message.listeners[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.maxFrameBytes);
                if (message.strategy != null && $Object.hasOwnProperty.call(message, "strategy") && message.strategy !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).int32(message.strategy);
                if (message.features != null && message.features.length)
                    for (let i = 0; i < message.features.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.features[i]);
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.generation);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Welcome & corral.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.version = $root.corral.v1.Version.decode(reader, reader.size(), $undefined, _depth + 1, message.version);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.workerId = value;
                            else
                                delete message.workerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.heartbeatIntervalMs = value;
                            else
                                delete message.heartbeatIntervalMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.heartbeatTimeoutMs = value;
                            else
                                delete message.heartbeatTimeoutMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.listeners && message.listeners.length))
                                message.listeners = [];
                            message.listeners.push($root.corral.v1.Listener.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.strategy = value;
                            else
                                delete message.strategy;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.features && message.features.length))
                                message.features = [];
                            message.features.push(reader.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generation = value;
                            else
                                delete message.generation;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Welcome
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Welcome} Welcome
             */
            Welcome.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Welcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Welcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Welcome();
                if (object.version != null) {
                    if (!$util.isObject(object.version))
                        throw $TypeError(".corral.v1.Welcome.version: object expected");
                    message.version = $root.corral.v1.Version.fromObject(object.version, _depth + 1);
                }
                if (object.workerId != null)
                    if ($Number(object.workerId) !== 0)
                        message.workerId = object.workerId >>> 0;
                if (object.heartbeatIntervalMs != null)
                    if ($Number(object.heartbeatIntervalMs) !== 0)
                        message.heartbeatIntervalMs = object.heartbeatIntervalMs >>> 0;
                if (object.heartbeatTimeoutMs != null)
                    if ($Number(object.heartbeatTimeoutMs) !== 0)
                        message.heartbeatTimeoutMs = object.heartbeatTimeoutMs >>> 0;
                if (object.listeners) {
                    if (!$Array.isArray(object.listeners))
                        throw $TypeError(".corral.v1.Welcome.listeners: array expected");
                    message.listeners = $Array(object.listeners.length);
                    for (let i = 0; i < object.listeners.length; ++i) {
                        if (!$util.isObject(object.listeners[i]))
                            throw $TypeError(".corral.v1.Welcome.listeners: object expected");
                        message.listeners[i] = $root.corral.v1.Listener.fromObject(object.listeners[i], _depth + 1);
                    }
                }
                if (object.maxFrameBytes != null)
                    if ($Number(object.maxFrameBytes) !== 0)
                        message.maxFrameBytes = object.maxFrameBytes >>> 0;
                if (object.strategy !== 0 && (typeof object.strategy !== "string" || $root.corral.v1.AcceptStrategy[object.strategy] !== 0))
                    switch (object.strategy) {
                    case "ACCEPT_STRATEGY_UNSPECIFIED":
                    case 0:
                        message.strategy = 0;
                        break;
                    case "ACCEPT_STRATEGY_ARBITER":
                    case 1:
                        message.strategy = 1;
                        break;
                    case "ACCEPT_STRATEGY_SHARED":
                    case 2:
                        message.strategy = 2;
                        break;
                    case "ACCEPT_STRATEGY_EXCLUSIVE":
                    case 3:
                        message.strategy = 3;
                        break;
                    case "ACCEPT_STRATEGY_REUSEPORT":
                    case 4:
                        message.strategy = 4;
                        break;
                    case "ACCEPT_STRATEGY_HANDOFF":
                    case 5:
                        message.strategy = 5;
                        break;
                    default:
                        if (typeof object.strategy === "number" && (object.strategy | 0) === object.strategy)
                            message.strategy = object.strategy;
                    }
                if (object.features) {
                    if (!$Array.isArray(object.features))
                        throw $TypeError(".corral.v1.Welcome.features: array expected");
                    message.features = $Array(object.features.length);
                    for (let i = 0; i < object.features.length; ++i)
                        message.features[i] = $String(object.features[i]);
                }
                if (object.generation != null)
                    if ($Number(object.generation) !== 0)
                        message.generation = object.generation >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Welcome
             * @static
             * @param {corral.v1.Welcome} message Welcome
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Welcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.listeners = [];
                    object.features = [];
                }
                if (options.defaults) {
                    object.version = null;
                    object.workerId = 0;
                    object.heartbeatIntervalMs = 0;
                    object.heartbeatTimeoutMs = 0;
                    object.maxFrameBytes = 0;
                    object.strategy = options.enums === $String ? "ACCEPT_STRATEGY_UNSPECIFIED" : 0;
                    object.generation = 0;
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = $root.corral.v1.Version.toObject(message.version, options, _depth + 1);
                if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                    object.workerId = message.workerId;
                if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs"))
                    object.heartbeatIntervalMs = message.heartbeatIntervalMs;
                if (message.heartbeatTimeoutMs != null && $Object.hasOwnProperty.call(message, "heartbeatTimeoutMs"))
                    object.heartbeatTimeoutMs = message.heartbeatTimeoutMs;
                if (message.listeners && message.listeners.length) {
                    object.listeners = $Array(message.listeners.length);
                    for (let j = 0; j < message.listeners.length; ++j)
                        object.listeners[j] = $root.corral.v1.Listener.toObject(message.listeners[j], options, _depth + 1);
                }
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    object.maxFrameBytes = message.maxFrameBytes;
                if (message.strategy != null && $Object.hasOwnProperty.call(message, "strategy"))
                    object.strategy = options.enums === $String ? $root.corral.v1.AcceptStrategy[message.strategy] === $undefined ? message.strategy : $root.corral.v1.AcceptStrategy[message.strategy] : message.strategy;
                if (message.features && message.features.length) {
                    object.features = $Array(message.features.length);
                    for (let j = 0; j < message.features.length; ++j)
                        object.features[j] = message.features[j];
                }
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    object.generation = message.generation;
                return object;
            };

            /**
             * Converts this Welcome to JSON.
             * @function toJSON
             * @memberof corral.v1.Welcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Welcome;
        })();

        v1.Ready = (function() {

            /**
             * Properties of a Ready.
             * @typedef {Object} corral.v1.Ready.$Properties
             * @property {number|null} [capacity] Ready capacity
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ready.
             * @memberof corral.v1
             * @interface IReady
             * @augments corral.v1.Ready.$Properties
             * @deprecated Use corral.v1.Ready.$Properties instead.
             */

            /**
             * Shape of a Ready.
             * @typedef {corral.v1.Ready.$Properties} corral.v1.Ready.$Shape
             */

            /**
             * Constructs a new Ready.
             * @memberof corral.v1
             * @classdesc Represents a Ready.
             * @constructor
             * @param {corral.v1.Ready.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ready = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ready capacity.
             * @member {number} capacity
             * @memberof corral.v1.Ready
             * @instance
             */
            Ready.prototype.capacity = 0;

            /**
             * Creates a new Ready instance using the specified properties.
             * @function create
             * @memberof corral.v1.Ready
             * @static
             * @param {corral.v1.Ready.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Ready} Ready instance
             * @type {{
             *   (properties: corral.v1.Ready.$Shape): corral.v1.Ready & corral.v1.Ready.$Shape;
             *   (properties?: corral.v1.Ready.$Properties): corral.v1.Ready;
             * }}
             */
            Ready.create = function(properties) {
                return new Ready(properties);
            };

            /**
             * Encodes the specified Ready message. Does not implicitly {@link corral.v1.Ready.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Ready
             * @static
             * @param {corral.v1.Ready.$Properties} message Ready message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ready.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.capacity);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Ready message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Ready
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Ready & corral.v1.Ready.$Shape} Ready
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ready.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Ready();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.capacity = value;
                            else
                                delete message.capacity;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Ready message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Ready
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Ready} Ready
             */
            Ready.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Ready)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Ready: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Ready();
                if (object.capacity != null)
                    if ($Number(object.capacity) !== 0)
                        message.capacity = object.capacity >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Ready message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Ready
             * @static
             * @param {corral.v1.Ready} message Ready
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ready.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.capacity = 0;
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                    object.capacity = message.capacity;
                return object;
            };

            /**
             * Converts this Ready to JSON.
             * @function toJSON
             * @memberof corral.v1.Ready
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ready.prototype.toJSON = function() {
                return Ready.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ready;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} corral.v1.Heartbeat.$Properties
             * @property {number|null} [timeMs] Heartbeat timeMs
             * @property {number|null} [inFlight] Heartbeat inFlight
             * @property {number|null} [capacity] Heartbeat capacity
             * @property {number|null} [acceptedTotal] Heartbeat acceptedTotal
             * @property {number|null} [requestsTotal] Heartbeat requestsTotal
             * @property {number|null} [wakeupsTotal] Heartbeat wakeupsTotal
             * @property {Array.<number>|null} [latencyCounts] Heartbeat latencyCounts
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof corral.v1
             * @interface IHeartbeat
             * @augments corral.v1.Heartbeat.$Properties
             * @deprecated Use corral.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {corral.v1.Heartbeat.$Properties} corral.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof corral.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {corral.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                this.latencyCounts = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat timeMs.
             * @member {number} timeMs
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat inFlight.
             * @member {number} inFlight
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.inFlight = 0;

            /**
             * Heartbeat capacity.
             * @member {number} capacity
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.capacity = 0;

            /**
             * Heartbeat acceptedTotal.
             * @member {number} acceptedTotal
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.acceptedTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat requestsTotal.
             * @member {number} requestsTotal
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.requestsTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat wakeupsTotal.
             * @member {number} wakeupsTotal
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.wakeupsTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat latencyCounts.
             * @member {Array.<number>} latencyCounts
             * @memberof corral.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.latencyCounts = $util.emptyArray;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof corral.v1.Heartbeat
             * @static
             * @param {corral.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: corral.v1.Heartbeat.$Shape): corral.v1.Heartbeat & corral.v1.Heartbeat.$Shape;
             *   (properties?: corral.v1.Heartbeat.$Properties): corral.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link corral.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Heartbeat
             * @static
             * @param {corral.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.timeMs);
                if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight") && message.inFlight !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.inFlight);
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.capacity);
                if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal") && (typeof message.acceptedTotal === "object" ? message.acceptedTotal.low || message.acceptedTotal.high : message.acceptedTotal !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.acceptedTotal);
                if (message.requestsTotal != null && $Object.hasOwnProperty.call(message, "requestsTotal") && (typeof message.requestsTotal === "object" ? message.requestsTotal.low || message.requestsTotal.high : message.requestsTotal !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.requestsTotal);
                if (message.wakeupsTotal != null && $Object.hasOwnProperty.call(message, "wakeupsTotal") && (typeof message.wakeupsTotal === "object" ? message.wakeupsTotal.low || message.wakeupsTotal.high : message.wakeupsTotal !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.wakeupsTotal);
                if (message.latencyCounts != null && message.latencyCounts.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).uint64s(message.latencyCounts);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Heartbeat & corral.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.inFlight = value;
                            else
                                delete message.inFlight;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.capacity = value;
                            else
                                delete message.capacity;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.acceptedTotal = value;
                            else
                                delete message.acceptedTotal;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestsTotal = value;
                            else
                                delete message.requestsTotal;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.wakeupsTotal = value;
                            else
                                delete message.wakeupsTotal;
                            continue;
                        }
                    case 7: {
                            if (wireType === 2) {
                                if (!(message.latencyCounts && message.latencyCounts.length))
                                    message.latencyCounts = [];
                                reader.uint64s(message.latencyCounts);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.latencyCounts && message.latencyCounts.length))
                                message.latencyCounts = [];
                            message.latencyCounts.push(reader.uint64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Heartbeat();
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, true);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber(true);
                if (object.inFlight != null)
                    if ($Number(object.inFlight) !== 0)
                        message.inFlight = object.inFlight >>> 0;
                if (object.capacity != null)
                    if ($Number(object.capacity) !== 0)
                        message.capacity = object.capacity >>> 0;
                if (object.acceptedTotal != null)
                    if (typeof object.acceptedTotal === "object" ? object.acceptedTotal.low || object.acceptedTotal.high : $Number(object.acceptedTotal) !== 0)
                        if ($util.Long)
                            message.acceptedTotal = $util.Long.fromValue(object.acceptedTotal, true);
                        else if (typeof object.acceptedTotal === "string")
                            message.acceptedTotal = $parseInt(object.acceptedTotal, 10);
                        else if (typeof object.acceptedTotal === "number")
                            message.acceptedTotal = object.acceptedTotal;
                        else if (typeof object.acceptedTotal === "object")
                            message.acceptedTotal = new $util.LongBits(object.acceptedTotal.low >>> 0, object.acceptedTotal.high >>> 0).toNumber(true);
                if (object.requestsTotal != null)
                    if (typeof object.requestsTotal === "object" ? object.requestsTotal.low || object.requestsTotal.high : $Number(object.requestsTotal) !== 0)
                        if ($util.Long)
                            message.requestsTotal = $util.Long.fromValue(object.requestsTotal, true);
                        else if (typeof object.requestsTotal === "string")
                            message.requestsTotal = $parseInt(object.requestsTotal, 10);
                        else if (typeof object.requestsTotal === "number")
                            message.requestsTotal = object.requestsTotal;
                        else if (typeof object.requestsTotal === "object")
                            message.requestsTotal = new $util.LongBits(object.requestsTotal.low >>> 0, object.requestsTotal.high >>> 0).toNumber(true);
                if (object.wakeupsTotal != null)
                    if (typeof object.wakeupsTotal === "object" ? object.wakeupsTotal.low || object.wakeupsTotal.high : $Number(object.wakeupsTotal) !== 0)
                        if ($util.Long)
                            message.wakeupsTotal = $util.Long.fromValue(object.wakeupsTotal, true);
                        else if (typeof object.wakeupsTotal === "string")
                            message.wakeupsTotal = $parseInt(object.wakeupsTotal, 10);
                        else if (typeof object.wakeupsTotal === "number")
                            message.wakeupsTotal = object.wakeupsTotal;
                        else if (typeof object.wakeupsTotal === "object")
                            message.wakeupsTotal = new $util.LongBits(object.wakeupsTotal.low >>> 0, object.wakeupsTotal.high >>> 0).toNumber(true);
                if (object.latencyCounts) {
                    if (!$Array.isArray(object.latencyCounts))
                        throw $TypeError(".corral.v1.Heartbeat.latencyCounts: array expected");
                    message.latencyCounts = $Array(object.latencyCounts.length);
                    for (let i = 0; i < object.latencyCounts.length; ++i)
                        if ($util.Long)
                            message.latencyCounts[i] = $util.Long.fromValue(object.latencyCounts[i], true);
                        else if (typeof object.latencyCounts[i] === "string")
                            message.latencyCounts[i] = $parseInt(object.latencyCounts[i], 10);
                        else if (typeof object.latencyCounts[i] === "number")
                            message.latencyCounts[i] = object.latencyCounts[i];
                        else if (typeof object.latencyCounts[i] === "object")
                            message.latencyCounts[i] = new $util.LongBits(object.latencyCounts[i].low >>> 0, object.latencyCounts[i].high >>> 0).toNumber(true);
                }
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Heartbeat
             * @static
             * @param {corral.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.latencyCounts = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.inFlight = 0;
                    object.capacity = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.acceptedTotal = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.acceptedTotal = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestsTotal = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestsTotal = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.wakeupsTotal = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.wakeupsTotal = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber(true) : message.timeMs;
                if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight"))
                    object.inFlight = message.inFlight;
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                    object.capacity = message.capacity;
                if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.acceptedTotal = typeof message.acceptedTotal === "number" ? $BigInt(message.acceptedTotal) : $util.Long.fromBits(message.acceptedTotal.low >>> 0, message.acceptedTotal.high >>> 0, true).toBigInt();
                    else if (typeof message.acceptedTotal === "number")
                        object.acceptedTotal = options.longs === $String ? $String(message.acceptedTotal) : message.acceptedTotal;
                    else
                        object.acceptedTotal = options.longs === $String ? $util.Long.prototype.toString.call(message.acceptedTotal) : options.longs === $Number ? new $util.LongBits(message.acceptedTotal.low >>> 0, message.acceptedTotal.high >>> 0).toNumber(true) : message.acceptedTotal;
                if (message.requestsTotal != null && $Object.hasOwnProperty.call(message, "requestsTotal"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestsTotal = typeof message.requestsTotal === "number" ? $BigInt(message.requestsTotal) : $util.Long.fromBits(message.requestsTotal.low >>> 0, message.requestsTotal.high >>> 0, true).toBigInt();
                    else if (typeof message.requestsTotal === "number")
                        object.requestsTotal = options.longs === $String ? $String(message.requestsTotal) : message.requestsTotal;
                    else
                        object.requestsTotal = options.longs === $String ? $util.Long.prototype.toString.call(message.requestsTotal) : options.longs === $Number ? new $util.LongBits(message.requestsTotal.low >>> 0, message.requestsTotal.high >>> 0).toNumber(true) : message.requestsTotal;
                if (message.wakeupsTotal != null && $Object.hasOwnProperty.call(message, "wakeupsTotal"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.wakeupsTotal = typeof message.wakeupsTotal === "number" ? $BigInt(message.wakeupsTotal) : $util.Long.fromBits(message.wakeupsTotal.low >>> 0, message.wakeupsTotal.high >>> 0, true).toBigInt();
                    else if (typeof message.wakeupsTotal === "number")
                        object.wakeupsTotal = options.longs === $String ? $String(message.wakeupsTotal) : message.wakeupsTotal;
                    else
                        object.wakeupsTotal = options.longs === $String ? $util.Long.prototype.toString.call(message.wakeupsTotal) : options.longs === $Number ? new $util.LongBits(message.wakeupsTotal.low >>> 0, message.wakeupsTotal.high >>> 0).toNumber(true) : message.wakeupsTotal;
                if (message.latencyCounts && message.latencyCounts.length) {
                    object.latencyCounts = $Array(message.latencyCounts.length);
                    for (let j = 0; j < message.latencyCounts.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.latencyCounts[j] = typeof message.latencyCounts[j] === "number" ? $BigInt(message.latencyCounts[j]) : $util.Long.fromBits(message.latencyCounts[j].low >>> 0, message.latencyCounts[j].high >>> 0, true).toBigInt();
                        else if (typeof message.latencyCounts[j] === "number")
                            object.latencyCounts[j] = options.longs === $String ? $String(message.latencyCounts[j]) : message.latencyCounts[j];
                        else
                            object.latencyCounts[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.latencyCounts[j]) : options.longs === $Number ? new $util.LongBits(message.latencyCounts[j].low >>> 0, message.latencyCounts[j].high >>> 0).toNumber(true) : message.latencyCounts[j];
                }
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof corral.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Heartbeat;
        })();

        v1.AcceptGrant = (function() {

            /**
             * Properties of an AcceptGrant.
             * @typedef {Object} corral.v1.AcceptGrant.$Properties
             * @property {number|null} [grantId] AcceptGrant grantId
             * @property {number|null} [listener] AcceptGrant listener
             * @property {number|null} [maxAccepts] AcceptGrant maxAccepts
             * @property {number|null} [releaseLoad] AcceptGrant releaseLoad
             * @property {number|null} [leaseMs] AcceptGrant leaseMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AcceptGrant.
             * @memberof corral.v1
             * @interface IAcceptGrant
             * @augments corral.v1.AcceptGrant.$Properties
             * @deprecated Use corral.v1.AcceptGrant.$Properties instead.
             */

            /**
             * Shape of an AcceptGrant.
             * @typedef {corral.v1.AcceptGrant.$Properties} corral.v1.AcceptGrant.$Shape
             */

            /**
             * Constructs a new AcceptGrant.
             * @memberof corral.v1
             * @classdesc Represents an AcceptGrant.
             * @constructor
             * @param {corral.v1.AcceptGrant.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AcceptGrant = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AcceptGrant grantId.
             * @member {number} grantId
             * @memberof corral.v1.AcceptGrant
             * @instance
             */
            AcceptGrant.prototype.grantId = 0;

            /**
             * AcceptGrant listener.
             * @member {number} listener
             * @memberof corral.v1.AcceptGrant
             * @instance
             */
            AcceptGrant.prototype.listener = 0;

            /**
             * AcceptGrant maxAccepts.
             * @member {number} maxAccepts
             * @memberof corral.v1.AcceptGrant
             * @instance
             */
            AcceptGrant.prototype.maxAccepts = 0;

            /**
             * AcceptGrant releaseLoad.
             * @member {number} releaseLoad
             * @memberof corral.v1.AcceptGrant
             * @instance
             */
            AcceptGrant.prototype.releaseLoad = 0;

            /**
             * AcceptGrant leaseMs.
             * @member {number} leaseMs
             * @memberof corral.v1.AcceptGrant
             * @instance
             */
            AcceptGrant.prototype.leaseMs = 0;

            /**
             * Creates a new AcceptGrant instance using the specified properties.
             * @function create
             * @memberof corral.v1.AcceptGrant
             * @static
             * @param {corral.v1.AcceptGrant.$Properties=} [properties] Properties to set
             * @returns {corral.v1.AcceptGrant} AcceptGrant instance
             * @type {{
             *   (properties: corral.v1.AcceptGrant.$Shape): corral.v1.AcceptGrant & corral.v1.AcceptGrant.$Shape;
             *   (properties?: corral.v1.AcceptGrant.$Properties): corral.v1.AcceptGrant;
             * }}
             */
            AcceptGrant.create = function(properties) {
                return new AcceptGrant(properties);
            };

            /**
             * Encodes the specified AcceptGrant message. Does not implicitly {@link corral.v1.AcceptGrant.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.AcceptGrant
             * @static
             * @param {corral.v1.AcceptGrant.$Properties} message AcceptGrant message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AcceptGrant.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId") && message.grantId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.grantId);
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener") && message.listener !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.listener);
                if (message.maxAccepts != null && $Object.hasOwnProperty.call(message, "maxAccepts") && message.maxAccepts !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxAccepts);
                if (message.releaseLoad != null && $Object.hasOwnProperty.call(message, "releaseLoad") && message.releaseLoad !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.releaseLoad);
                if (message.leaseMs != null && $Object.hasOwnProperty.call(message, "leaseMs") && message.leaseMs !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.leaseMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AcceptGrant message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.AcceptGrant
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.AcceptGrant & corral.v1.AcceptGrant.$Shape} AcceptGrant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AcceptGrant.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.AcceptGrant();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.grantId = value;
                            else
                                delete message.grantId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.listener = value;
                            else
                                delete message.listener;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxAccepts = value;
                            else
                                delete message.maxAccepts;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.releaseLoad = value;
                            else
                                delete message.releaseLoad;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.leaseMs = value;
                            else
                                delete message.leaseMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AcceptGrant message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.AcceptGrant
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.AcceptGrant} AcceptGrant
             */
            AcceptGrant.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.AcceptGrant)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.AcceptGrant: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.AcceptGrant();
                if (object.grantId != null)
                    if ($Number(object.grantId) !== 0)
                        message.grantId = object.grantId >>> 0;
                if (object.listener != null)
                    if ($Number(object.listener) !== 0)
                        message.listener = object.listener >>> 0;
                if (object.maxAccepts != null)
                    if ($Number(object.maxAccepts) !== 0)
                        message.maxAccepts = object.maxAccepts >>> 0;
                if (object.releaseLoad != null)
                    if ($Number(object.releaseLoad) !== 0)
                        message.releaseLoad = object.releaseLoad >>> 0;
                if (object.leaseMs != null)
                    if ($Number(object.leaseMs) !== 0)
                        message.leaseMs = object.leaseMs >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an AcceptGrant message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.AcceptGrant
             * @static
             * @param {corral.v1.AcceptGrant} message AcceptGrant
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AcceptGrant.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.grantId = 0;
                    object.listener = 0;
                    object.maxAccepts = 0;
                    object.releaseLoad = 0;
                    object.leaseMs = 0;
                }
                if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId"))
                    object.grantId = message.grantId;
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener"))
                    object.listener = message.listener;
                if (message.maxAccepts != null && $Object.hasOwnProperty.call(message, "maxAccepts"))
                    object.maxAccepts = message.maxAccepts;
                if (message.releaseLoad != null && $Object.hasOwnProperty.call(message, "releaseLoad"))
                    object.releaseLoad = message.releaseLoad;
                if (message.leaseMs != null && $Object.hasOwnProperty.call(message, "leaseMs"))
                    object.leaseMs = message.leaseMs;
                return object;
            };

            /**
             * Converts this AcceptGrant to JSON.
             * @function toJSON
             * @memberof corral.v1.AcceptGrant
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AcceptGrant.prototype.toJSON = function() {
                return AcceptGrant.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AcceptGrant;
        })();

        /**
         * ReleaseReason enum.
         * @name corral.v1.ReleaseReason
         * @enum {number}
         * @property {number} RELEASE_REASON_UNSPECIFIED=0 RELEASE_REASON_UNSPECIFIED value
         * @property {number} RELEASE_REASON_BATCH=1 RELEASE_REASON_BATCH value
         * @property {number} RELEASE_REASON_LOAD=2 RELEASE_REASON_LOAD value
         * @property {number} RELEASE_REASON_EXPIRED=3 RELEASE_REASON_EXPIRED value
         * @property {number} RELEASE_REASON_DRAINING=4 RELEASE_REASON_DRAINING value
         * @property {number} RELEASE_REASON_ERROR=5 RELEASE_REASON_ERROR value
         * @property {number} RELEASE_REASON_REVOKED=6 RELEASE_REASON_REVOKED value
         */
        v1.ReleaseReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RELEASE_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RELEASE_REASON_BATCH"] = 1;
            values[valuesById[2] = "RELEASE_REASON_LOAD"] = 2;
            values[valuesById[3] = "RELEASE_REASON_EXPIRED"] = 3;
            values[valuesById[4] = "RELEASE_REASON_DRAINING"] = 4;
            values[valuesById[5] = "RELEASE_REASON_ERROR"] = 5;
            values[valuesById[6] = "RELEASE_REASON_REVOKED"] = 6;
            return values;
        })();

        v1.AcceptDone = (function() {

            /**
             * Properties of an AcceptDone.
             * @typedef {Object} corral.v1.AcceptDone.$Properties
             * @property {number|null} [grantId] AcceptDone grantId
             * @property {number|null} [listener] AcceptDone listener
             * @property {number|null} [accepted] AcceptDone accepted
             * @property {number|null} [wouldBlock] AcceptDone wouldBlock
             * @property {number|null} [inFlight] AcceptDone inFlight
             * @property {corral.v1.ReleaseReason|null} [reason] AcceptDone reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AcceptDone.
             * @memberof corral.v1
             * @interface IAcceptDone
             * @augments corral.v1.AcceptDone.$Properties
             * @deprecated Use corral.v1.AcceptDone.$Properties instead.
             */

            /**
             * Shape of an AcceptDone.
             * @typedef {corral.v1.AcceptDone.$Properties} corral.v1.AcceptDone.$Shape
             */

            /**
             * Constructs a new AcceptDone.
             * @memberof corral.v1
             * @classdesc Represents an AcceptDone.
             * @constructor
             * @param {corral.v1.AcceptDone.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AcceptDone = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AcceptDone grantId.
             * @member {number} grantId
             * @memberof corral.v1.AcceptDone
             * @instance
             */
            AcceptDone.prototype.grantId = 0;

            /**
             * AcceptDone listener.
             * @member {number} listener
             * @memberof corral.v1.AcceptDone
             * @instance
             */
            AcceptDone.prototype.listener = 0;

            /**
             * AcceptDone accepted.
             * @member {number} accepted
             * @memberof corral.v1.AcceptDone
             * @instance
             */
            AcceptDone.prototype.accepted = 0;

            /**
             * AcceptDone wouldBlock.
             * @member {number} wouldBlock
             * @memberof corral.v1.AcceptDone
             * @instance
             */
            AcceptDone.prototype.wouldBlock = 0;

            /**
             * AcceptDone inFlight.
             * @member {number} inFlight
             * @memberof corral.v1.AcceptDone
             * @instance
             */
            AcceptDone.prototype.inFlight = 0;

            /**
             * AcceptDone reason.
             * @member {corral.v1.ReleaseReason} reason
             * @memberof corral.v1.AcceptDone
             * @instance
             */
            AcceptDone.prototype.reason = 0;

            /**
             * Creates a new AcceptDone instance using the specified properties.
             * @function create
             * @memberof corral.v1.AcceptDone
             * @static
             * @param {corral.v1.AcceptDone.$Properties=} [properties] Properties to set
             * @returns {corral.v1.AcceptDone} AcceptDone instance
             * @type {{
             *   (properties: corral.v1.AcceptDone.$Shape): corral.v1.AcceptDone & corral.v1.AcceptDone.$Shape;
             *   (properties?: corral.v1.AcceptDone.$Properties): corral.v1.AcceptDone;
             * }}
             */
            AcceptDone.create = function(properties) {
                return new AcceptDone(properties);
            };

            /**
             * Encodes the specified AcceptDone message. Does not implicitly {@link corral.v1.AcceptDone.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.AcceptDone
             * @static
             * @param {corral.v1.AcceptDone.$Properties} message AcceptDone message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AcceptDone.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId") && message.grantId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.grantId);
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener") && message.listener !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.listener);
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.accepted);
                if (message.wouldBlock != null && $Object.hasOwnProperty.call(message, "wouldBlock") && message.wouldBlock !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.wouldBlock);
                if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight") && message.inFlight !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.inFlight);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AcceptDone message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.AcceptDone
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.AcceptDone & corral.v1.AcceptDone.$Shape} AcceptDone
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AcceptDone.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.AcceptDone();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.grantId = value;
                            else
                                delete message.grantId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.listener = value;
                            else
                                delete message.listener;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.accepted = value;
                            else
                                delete message.accepted;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.wouldBlock = value;
                            else
                                delete message.wouldBlock;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.inFlight = value;
                            else
                                delete message.inFlight;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AcceptDone message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.AcceptDone
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.AcceptDone} AcceptDone
             */
            AcceptDone.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.AcceptDone)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.AcceptDone: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.AcceptDone();
                if (object.grantId != null)
                    if ($Number(object.grantId) !== 0)
                        message.grantId = object.grantId >>> 0;
                if (object.listener != null)
                    if ($Number(object.listener) !== 0)
                        message.listener = object.listener >>> 0;
                if (object.accepted != null)
                    if ($Number(object.accepted) !== 0)
                        message.accepted = object.accepted >>> 0;
                if (object.wouldBlock != null)
                    if ($Number(object.wouldBlock) !== 0)
                        message.wouldBlock = object.wouldBlock >>> 0;
                if (object.inFlight != null)
                    if ($Number(object.inFlight) !== 0)
                        message.inFlight = object.inFlight >>> 0;
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.corral.v1.ReleaseReason[object.reason] !== 0))
                    switch (object.reason) {
                    case "RELEASE_REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "RELEASE_REASON_BATCH":
                    case 1:
                        message.reason = 1;
                        break;
                    case "RELEASE_REASON_LOAD":
                    case 2:
                        message.reason = 2;
                        break;
                    case "RELEASE_REASON_EXPIRED":
                    case 3:
                        message.reason = 3;
                        break;
                    case "RELEASE_REASON_DRAINING":
                    case 4:
                        message.reason = 4;
                        break;
                    case "RELEASE_REASON_ERROR":
                    case 5:
                        message.reason = 5;
                        break;
                    case "RELEASE_REASON_REVOKED":
                    case 6:
                        message.reason = 6;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                return message;
            };

            /**
             * Creates a plain object from an AcceptDone message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.AcceptDone
             * @static
             * @param {corral.v1.AcceptDone} message AcceptDone
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AcceptDone.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.grantId = 0;
                    object.listener = 0;
                    object.accepted = 0;
                    object.wouldBlock = 0;
                    object.inFlight = 0;
                    object.reason = options.enums === $String ? "RELEASE_REASON_UNSPECIFIED" : 0;
                }
                if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId"))
                    object.grantId = message.grantId;
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener"))
                    object.listener = message.listener;
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    object.accepted = message.accepted;
                if (message.wouldBlock != null && $Object.hasOwnProperty.call(message, "wouldBlock"))
                    object.wouldBlock = message.wouldBlock;
                if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight"))
                    object.inFlight = message.inFlight;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.corral.v1.ReleaseReason[message.reason] === $undefined ? message.reason : $root.corral.v1.ReleaseReason[message.reason] : message.reason;
                return object;
            };

            /**
             * Converts this AcceptDone to JSON.
             * @function toJSON
             * @memberof corral.v1.AcceptDone
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AcceptDone.prototype.toJSON = function() {
                return AcceptDone.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AcceptDone;
        })();

        v1.AcceptRevoke = (function() {

            /**
             * Properties of an AcceptRevoke.
             * @typedef {Object} corral.v1.AcceptRevoke.$Properties
             * @property {number|null} [grantId] AcceptRevoke grantId
             * @property {number|null} [listener] AcceptRevoke listener
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AcceptRevoke.
             * @memberof corral.v1
             * @interface IAcceptRevoke
             * @augments corral.v1.AcceptRevoke.$Properties
             * @deprecated Use corral.v1.AcceptRevoke.$Properties instead.
             */

            /**
             * Shape of an AcceptRevoke.
             * @typedef {corral.v1.AcceptRevoke.$Properties} corral.v1.AcceptRevoke.$Shape
             */

            /**
             * Constructs a new AcceptRevoke.
             * @memberof corral.v1
             * @classdesc Represents an AcceptRevoke.
             * @constructor
             * @param {corral.v1.AcceptRevoke.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AcceptRevoke = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AcceptRevoke grantId.
             * @member {number} grantId
             * @memberof corral.v1.AcceptRevoke
             * @instance
             */
            AcceptRevoke.prototype.grantId = 0;

            /**
             * AcceptRevoke listener.
             * @member {number} listener
             * @memberof corral.v1.AcceptRevoke
             * @instance
             */
            AcceptRevoke.prototype.listener = 0;

            /**
             * Creates a new AcceptRevoke instance using the specified properties.
             * @function create
             * @memberof corral.v1.AcceptRevoke
             * @static
             * @param {corral.v1.AcceptRevoke.$Properties=} [properties] Properties to set
             * @returns {corral.v1.AcceptRevoke} AcceptRevoke instance
             * @type {{
             *   (properties: corral.v1.AcceptRevoke.$Shape): corral.v1.AcceptRevoke & corral.v1.AcceptRevoke.$Shape;
             *   (properties?: corral.v1.AcceptRevoke.$Properties): corral.v1.AcceptRevoke;
             * }}
             */
            AcceptRevoke.create = function(properties) {
                return new AcceptRevoke(properties);
            };

            /**
             * Encodes the specified AcceptRevoke message. Does not implicitly {@link corral.v1.AcceptRevoke.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.AcceptRevoke
             * @static
             * @param {corral.v1.AcceptRevoke.$Properties} message AcceptRevoke message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AcceptRevoke.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId") && message.grantId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.grantId);
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener") && message.listener !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.listener);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AcceptRevoke message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.AcceptRevoke
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.AcceptRevoke & corral.v1.AcceptRevoke.$Shape} AcceptRevoke
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AcceptRevoke.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.AcceptRevoke();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.grantId = value;
                            else
                                delete message.grantId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.listener = value;
                            else
                                delete message.listener;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AcceptRevoke message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.AcceptRevoke
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.AcceptRevoke} AcceptRevoke
             */
            AcceptRevoke.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.AcceptRevoke)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.AcceptRevoke: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.AcceptRevoke();
                if (object.grantId != null)
                    if ($Number(object.grantId) !== 0)
                        message.grantId = object.grantId >>> 0;
                if (object.listener != null)
                    if ($Number(object.listener) !== 0)
                        message.listener = object.listener >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an AcceptRevoke message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.AcceptRevoke
             * @static
             * @param {corral.v1.AcceptRevoke} message AcceptRevoke
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AcceptRevoke.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.grantId = 0;
                    object.listener = 0;
                }
                if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId"))
                    object.grantId = message.grantId;
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener"))
                    object.listener = message.listener;
                return object;
            };

            /**
             * Converts this AcceptRevoke to JSON.
             * @function toJSON
             * @memberof corral.v1.AcceptRevoke
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AcceptRevoke.prototype.toJSON = function() {
                return AcceptRevoke.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AcceptRevoke;
        })();

        v1.ConnectionHandoff = (function() {

            /**
             * Properties of a ConnectionHandoff.
             * @typedef {Object} corral.v1.ConnectionHandoff.$Properties
             * @property {number|null} [handoffId] ConnectionHandoff handoffId
             * @property {number|null} [listener] ConnectionHandoff listener
             * @property {string|null} [peer] ConnectionHandoff peer
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConnectionHandoff.
             * @memberof corral.v1
             * @interface IConnectionHandoff
             * @augments corral.v1.ConnectionHandoff.$Properties
             * @deprecated Use corral.v1.ConnectionHandoff.$Properties instead.
             */

            /**
             * Shape of a ConnectionHandoff.
             * @typedef {corral.v1.ConnectionHandoff.$Properties} corral.v1.ConnectionHandoff.$Shape
             */

            /**
             * Constructs a new ConnectionHandoff.
             * @memberof corral.v1
             * @classdesc Represents a ConnectionHandoff.
             * @constructor
             * @param {corral.v1.ConnectionHandoff.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConnectionHandoff = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ConnectionHandoff handoffId.
             * @member {number} handoffId
             * @memberof corral.v1.ConnectionHandoff
             * @instance
             */
            ConnectionHandoff.prototype.handoffId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ConnectionHandoff listener.
             * @member {number} listener
             * @memberof corral.v1.ConnectionHandoff
             * @instance
             */
            ConnectionHandoff.prototype.listener = 0;

            /**
             * ConnectionHandoff peer.
             * @member {string} peer
             * @memberof corral.v1.ConnectionHandoff
             * @instance
             */
            ConnectionHandoff.prototype.peer = "";

            /**
             * Creates a new ConnectionHandoff instance using the specified properties.
             * @function create
             * @memberof corral.v1.ConnectionHandoff
             * @static
             * @param {corral.v1.ConnectionHandoff.$Properties=} [properties] Properties to set
             * @returns {corral.v1.ConnectionHandoff} ConnectionHandoff instance
             * @type {{
             *   (properties: corral.v1.ConnectionHandoff.$Shape): corral.v1.ConnectionHandoff & corral.v1.ConnectionHandoff.$Shape;
             *   (properties?: corral.v1.ConnectionHandoff.$Properties): corral.v1.ConnectionHandoff;
             * }}
             */
            ConnectionHandoff.create = function(properties) {
                return new ConnectionHandoff(properties);
            };

            /**
             * Encodes the specified ConnectionHandoff message. Does not implicitly {@link corral.v1.ConnectionHandoff.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.ConnectionHandoff
             * @static
             * @param {corral.v1.ConnectionHandoff.$Properties} message ConnectionHandoff message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConnectionHandoff.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.handoffId != null && $Object.hasOwnProperty.call(message, "handoffId") && (typeof message.handoffId === "object" ? message.handoffId.low || message.handoffId.high : message.handoffId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.handoffId);
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener") && message.listener !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.listener);
                if (message.peer != null && $Object.hasOwnProperty.call(message, "peer") && message.peer !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.peer);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ConnectionHandoff message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.ConnectionHandoff
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.ConnectionHandoff & corral.v1.ConnectionHandoff.$Shape} ConnectionHandoff
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConnectionHandoff.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.ConnectionHandoff();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.handoffId = value;
                            else
                                delete message.handoffId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.listener = value;
                            else
                                delete message.listener;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peer = value;
                            else
                                delete message.peer;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ConnectionHandoff message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.ConnectionHandoff
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.ConnectionHandoff} ConnectionHandoff
             */
            ConnectionHandoff.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.ConnectionHandoff)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.ConnectionHandoff: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.ConnectionHandoff();
                if (object.handoffId != null)
                    if (typeof object.handoffId === "object" ? object.handoffId.low || object.handoffId.high : $Number(object.handoffId) !== 0)
                        if ($util.Long)
                            message.handoffId = $util.Long.fromValue(object.handoffId, true);
                        else if (typeof object.handoffId === "string")
                            message.handoffId = $parseInt(object.handoffId, 10);
                        else if (typeof object.handoffId === "number")
                            message.handoffId = object.handoffId;
                        else if (typeof object.handoffId === "object")
                            message.handoffId = new $util.LongBits(object.handoffId.low >>> 0, object.handoffId.high >>> 0).toNumber(true);
                if (object.listener != null)
                    if ($Number(object.listener) !== 0)
                        message.listener = object.listener >>> 0;
                if (object.peer != null)
                    if (typeof object.peer !== "string" || object.peer.length)
                        message.peer = $String(object.peer);
                return message;
            };

            /**
             * Creates a plain object from a ConnectionHandoff message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.ConnectionHandoff
             * @static
             * @param {corral.v1.ConnectionHandoff} message ConnectionHandoff
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ConnectionHandoff.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.handoffId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.handoffId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.listener = 0;
                    object.peer = "";
                }
                if (message.handoffId != null && $Object.hasOwnProperty.call(message, "handoffId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.handoffId = typeof message.handoffId === "number" ? $BigInt(message.handoffId) : $util.Long.fromBits(message.handoffId.low >>> 0, message.handoffId.high >>> 0, true).toBigInt();
                    else if (typeof message.handoffId === "number")
                        object.handoffId = options.longs === $String ? $String(message.handoffId) : message.handoffId;
                    else
                        object.handoffId = options.longs === $String ? $util.Long.prototype.toString.call(message.handoffId) : options.longs === $Number ? new $util.LongBits(message.handoffId.low >>> 0, message.handoffId.high >>> 0).toNumber(true) : message.handoffId;
                if (message.listener != null && $Object.hasOwnProperty.call(message, "listener"))
                    object.listener = message.listener;
                if (message.peer != null && $Object.hasOwnProperty.call(message, "peer"))
                    object.peer = message.peer;
                return object;
            };

            /**
             * Converts this ConnectionHandoff to JSON.
             * @function toJSON
             * @memberof corral.v1.ConnectionHandoff
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ConnectionHandoff.prototype.toJSON = function() {
                return ConnectionHandoff.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ConnectionHandoff;
        })();

        v1.HandoffAck = (function() {

            /**
             * Properties of a HandoffAck.
             * @typedef {Object} corral.v1.HandoffAck.$Properties
             * @property {Array.<number>|null} [handoffIds] HandoffAck handoffIds
             * @property {number|null} [inFlight] HandoffAck inFlight
             * @property {Array.<number>|null} [refusedIds] HandoffAck refusedIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HandoffAck.
             * @memberof corral.v1
             * @interface IHandoffAck
             * @augments corral.v1.HandoffAck.$Properties
             * @deprecated Use corral.v1.HandoffAck.$Properties instead.
             */

            /**
             * Shape of a HandoffAck.
             * @typedef {corral.v1.HandoffAck.$Properties} corral.v1.HandoffAck.$Shape
             */

            /**
             * Constructs a new HandoffAck.
             * @memberof corral.v1
             * @classdesc Represents a HandoffAck.
             * @constructor
             * @param {corral.v1.HandoffAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HandoffAck = function (properties) {
                this.handoffIds = [];
                this.refusedIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HandoffAck handoffIds.
             * @member {Array.<number>} handoffIds
             * @memberof corral.v1.HandoffAck
             * @instance
             */
            HandoffAck.prototype.handoffIds = $util.emptyArray;

            /**
             * HandoffAck inFlight.
             * @member {number} inFlight
             * @memberof corral.v1.HandoffAck
             * @instance
             */
            HandoffAck.prototype.inFlight = 0;

            /**
             * HandoffAck refusedIds.
             * @member {Array.<number>} refusedIds
             * @memberof corral.v1.HandoffAck
             * @instance
             */
            HandoffAck.prototype.refusedIds = $util.emptyArray;

            /**
             * Creates a new HandoffAck instance using the specified properties.
             * @function create
             * @memberof corral.v1.HandoffAck
             * @static
             * @param {corral.v1.HandoffAck.$Properties=} [properties] Properties to set
             * @returns {corral.v1.HandoffAck} HandoffAck instance
             * @type {{
             *   (properties: corral.v1.HandoffAck.$Shape): corral.v1.HandoffAck & corral.v1.HandoffAck.$Shape;
             *   (properties?: corral.v1.HandoffAck.$Properties): corral.v1.HandoffAck;
             * }}
             */
            HandoffAck.create = function(properties) {
                return new HandoffAck(properties);
            };

            /**
             * Encodes the specified HandoffAck message. Does not implicitly {@link corral.v1.HandoffAck.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.HandoffAck
             * @static
             * @param {corral.v1.HandoffAck.$Properties} message HandoffAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HandoffAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.handoffIds != null && message.handoffIds.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint64s(message.handoffIds);
                if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight") && message.inFlight !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.inFlight);
                if (message.refusedIds != null && message.refusedIds.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).uint64s(message.refusedIds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HandoffAck message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.HandoffAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.HandoffAck & corral.v1.HandoffAck.$Shape} HandoffAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HandoffAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.HandoffAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType === 2) {
                                if (!(message.handoffIds && message.handoffIds.length))
                                    message.handoffIds = [];
                                reader.uint64s(message.handoffIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.handoffIds && message.handoffIds.length))
                                message.handoffIds = [];
                            message.handoffIds.push(reader.uint64());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.inFlight = value;
                            else
                                delete message.inFlight;
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.refusedIds && message.refusedIds.length))
                                    message.refusedIds = [];
                                reader.uint64s(message.refusedIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.refusedIds && message.refusedIds.length))
                                message.refusedIds = [];
                            message.refusedIds.push(reader.uint64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a HandoffAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.HandoffAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.HandoffAck} HandoffAck
             */
            HandoffAck.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.HandoffAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.HandoffAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.HandoffAck();
                if (object.handoffIds) {
                    if (!$Array.isArray(object.handoffIds))
                        throw $TypeError(".corral.v1.HandoffAck.handoffIds: array expected");
                    message.handoffIds = $Array(object.handoffIds.length);
                    for (let i = 0; i < object.handoffIds.length; ++i)
                        if ($util.Long)
                            message.handoffIds[i] = $util.Long.fromValue(object.handoffIds[i], true);
                        else if (typeof object.handoffIds[i] === "string")
                            message.handoffIds[i] = $parseInt(object.handoffIds[i], 10);
                        else if (typeof object.handoffIds[i] === "number")
                            message.handoffIds[i] = object.handoffIds[i];
                        else if (typeof object.handoffIds[i] === "object")
                            message.handoffIds[i] = new $util.LongBits(object.handoffIds[i].low >>> 0, object.handoffIds[i].high >>> 0).toNumber(true);
                }
                if (object.inFlight != null)
                    if ($Number(object.inFlight) !== 0)
                        message.inFlight = object.inFlight >>> 0;
                if (object.refusedIds) {
                    if (!$Array.isArray(object.refusedIds))
                        throw $TypeError(".corral.v1.HandoffAck.refusedIds: array expected");
                    message.refusedIds = $Array(object.refusedIds.length);
                    for (let i = 0; i < object.refusedIds.length; ++i)
                        if ($util.Long)
                            message.refusedIds[i] = $util.Long.fromValue(object.refusedIds[i], true);
                        else if (typeof object.refusedIds[i] === "string")
                            message.refusedIds[i] = $parseInt(object.refusedIds[i], 10);
                        else if (typeof object.refusedIds[i] === "number")
                            message.refusedIds[i] = object.refusedIds[i];
                        else if (typeof object.refusedIds[i] === "object")
                            message.refusedIds[i] = new $util.LongBits(object.refusedIds[i].low >>> 0, object.refusedIds[i].high >>> 0).toNumber(true);
                }
                return message;
            };

            /**
             * Creates a plain object from a HandoffAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.HandoffAck
             * @static
             * @param {corral.v1.HandoffAck} message HandoffAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HandoffAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.handoffIds = [];
                    object.refusedIds = [];
                }
                if (options.defaults)
                    object.inFlight = 0;
                if (message.handoffIds && message.handoffIds.length) {
                    object.handoffIds = $Array(message.handoffIds.length);
                    for (let j = 0; j < message.handoffIds.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.handoffIds[j] = typeof message.handoffIds[j] === "number" ? $BigInt(message.handoffIds[j]) : $util.Long.fromBits(message.handoffIds[j].low >>> 0, message.handoffIds[j].high >>> 0, true).toBigInt();
                        else if (typeof message.handoffIds[j] === "number")
                            object.handoffIds[j] = options.longs === $String ? $String(message.handoffIds[j]) : message.handoffIds[j];
                        else
                            object.handoffIds[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.handoffIds[j]) : options.longs === $Number ? new $util.LongBits(message.handoffIds[j].low >>> 0, message.handoffIds[j].high >>> 0).toNumber(true) : message.handoffIds[j];
                }
                if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight"))
                    object.inFlight = message.inFlight;
                if (message.refusedIds && message.refusedIds.length) {
                    object.refusedIds = $Array(message.refusedIds.length);
                    for (let j = 0; j < message.refusedIds.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.refusedIds[j] = typeof message.refusedIds[j] === "number" ? $BigInt(message.refusedIds[j]) : $util.Long.fromBits(message.refusedIds[j].low >>> 0, message.refusedIds[j].high >>> 0, true).toBigInt();
                        else if (typeof message.refusedIds[j] === "number")
                            object.refusedIds[j] = options.longs === $String ? $String(message.refusedIds[j]) : message.refusedIds[j];
                        else
                            object.refusedIds[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.refusedIds[j]) : options.longs === $Number ? new $util.LongBits(message.refusedIds[j].low >>> 0, message.refusedIds[j].high >>> 0).toNumber(true) : message.refusedIds[j];
                }
                return object;
            };

            /**
             * Converts this HandoffAck to JSON.
             * @function toJSON
             * @memberof corral.v1.HandoffAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HandoffAck.prototype.toJSON = function() {
                return HandoffAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HandoffAck;
        })();

        v1.Drain = (function() {

            /**
             * Properties of a Drain.
             * @typedef {Object} corral.v1.Drain.$Properties
             * @property {number|null} [deadlineMs] Drain deadlineMs
             * @property {string|null} [reason] Drain reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Drain.
             * @memberof corral.v1
             * @interface IDrain
             * @augments corral.v1.Drain.$Properties
             * @deprecated Use corral.v1.Drain.$Properties instead.
             */

            /**
             * Shape of a Drain.
             * @typedef {corral.v1.Drain.$Properties} corral.v1.Drain.$Shape
             */

            /**
             * Constructs a new Drain.
             * @memberof corral.v1
             * @classdesc Represents a Drain.
             * @constructor
             * @param {corral.v1.Drain.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Drain = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Drain deadlineMs.
             * @member {number} deadlineMs
             * @memberof corral.v1.Drain
             * @instance
             */
            Drain.prototype.deadlineMs = 0;

            /**
             * Drain reason.
             * @member {string} reason
             * @memberof corral.v1.Drain
             * @instance
             */
            Drain.prototype.reason = "";

            /**
             * Creates a new Drain instance using the specified properties.
             * @function create
             * @memberof corral.v1.Drain
             * @static
             * @param {corral.v1.Drain.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Drain} Drain instance
             * @type {{
             *   (properties: corral.v1.Drain.$Shape): corral.v1.Drain & corral.v1.Drain.$Shape;
             *   (properties?: corral.v1.Drain.$Properties): corral.v1.Drain;
             * }}
             */
            Drain.create = function(properties) {
                return new Drain(properties);
            };

            /**
             * Encodes the specified Drain message. Does not implicitly {@link corral.v1.Drain.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Drain
             * @static
             * @param {corral.v1.Drain.$Properties} message Drain message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Drain.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs") && message.deadlineMs !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.deadlineMs);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Drain message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Drain
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Drain & corral.v1.Drain.$Shape} Drain
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Drain.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Drain();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deadlineMs = value;
                            else
                                delete message.deadlineMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Drain message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Drain
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Drain} Drain
             */
            Drain.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Drain)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Drain: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Drain();
                if (object.deadlineMs != null)
                    if ($Number(object.deadlineMs) !== 0)
                        message.deadlineMs = object.deadlineMs >>> 0;
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a Drain message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Drain
             * @static
             * @param {corral.v1.Drain} message Drain
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Drain.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.deadlineMs = 0;
                    object.reason = "";
                }
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs"))
                    object.deadlineMs = message.deadlineMs;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this Drain to JSON.
             * @function toJSON
             * @memberof corral.v1.Drain
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Drain.prototype.toJSON = function() {
                return Drain.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Drain;
        })();

        v1.Stop = (function() {

            /**
             * Properties of a Stop.
             * @typedef {Object} corral.v1.Stop.$Properties
             * @property {string|null} [reason] Stop reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Stop.
             * @memberof corral.v1
             * @interface IStop
             * @augments corral.v1.Stop.$Properties
             * @deprecated Use corral.v1.Stop.$Properties instead.
             */

            /**
             * Shape of a Stop.
             * @typedef {corral.v1.Stop.$Properties} corral.v1.Stop.$Shape
             */

            /**
             * Constructs a new Stop.
             * @memberof corral.v1
             * @classdesc Represents a Stop.
             * @constructor
             * @param {corral.v1.Stop.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Stop = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Stop reason.
             * @member {string} reason
             * @memberof corral.v1.Stop
             * @instance
             */
            Stop.prototype.reason = "";

            /**
             * Creates a new Stop instance using the specified properties.
             * @function create
             * @memberof corral.v1.Stop
             * @static
             * @param {corral.v1.Stop.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Stop} Stop instance
             * @type {{
             *   (properties: corral.v1.Stop.$Shape): corral.v1.Stop & corral.v1.Stop.$Shape;
             *   (properties?: corral.v1.Stop.$Properties): corral.v1.Stop;
             * }}
             */
            Stop.create = function(properties) {
                return new Stop(properties);
            };

            /**
             * Encodes the specified Stop message. Does not implicitly {@link corral.v1.Stop.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Stop
             * @static
             * @param {corral.v1.Stop.$Properties} message Stop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Stop.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Stop message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Stop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Stop & corral.v1.Stop.$Shape} Stop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Stop.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Stop();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Stop message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Stop
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Stop} Stop
             */
            Stop.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Stop)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Stop: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Stop();
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a Stop message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Stop
             * @static
             * @param {corral.v1.Stop} message Stop
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Stop.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.reason = "";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this Stop to JSON.
             * @function toJSON
             * @memberof corral.v1.Stop
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Stop.prototype.toJSON = function() {
                return Stop.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Stop;
        })();

        /**
         * GoodbyeReason enum.
         * @name corral.v1.GoodbyeReason
         * @enum {number}
         * @property {number} GOODBYE_REASON_UNSPECIFIED=0 GOODBYE_REASON_UNSPECIFIED value
         * @property {number} GOODBYE_REASON_DRAINED=1 GOODBYE_REASON_DRAINED value
         * @property {number} GOODBYE_REASON_STOPPED=2 GOODBYE_REASON_STOPPED value
         * @property {number} GOODBYE_REASON_SIGNAL=3 GOODBYE_REASON_SIGNAL value
         * @property {number} GOODBYE_REASON_ERROR=4 GOODBYE_REASON_ERROR value
         * @property {number} GOODBYE_REASON_MAX_CONNECTIONS=5 GOODBYE_REASON_MAX_CONNECTIONS value
         */
        v1.GoodbyeReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "GOODBYE_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "GOODBYE_REASON_DRAINED"] = 1;
            values[valuesById[2] = "GOODBYE_REASON_STOPPED"] = 2;
            values[valuesById[3] = "GOODBYE_REASON_SIGNAL"] = 3;
            values[valuesById[4] = "GOODBYE_REASON_ERROR"] = 4;
            values[valuesById[5] = "GOODBYE_REASON_MAX_CONNECTIONS"] = 5;
            return values;
        })();

        v1.Goodbye = (function() {

            /**
             * Properties of a Goodbye.
             * @typedef {Object} corral.v1.Goodbye.$Properties
             * @property {corral.v1.GoodbyeReason|null} [reason] Goodbye reason
             * @property {string|null} [detail] Goodbye detail
             * @property {number|null} [acceptedTotal] Goodbye acceptedTotal
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Goodbye.
             * @memberof corral.v1
             * @interface IGoodbye
             * @augments corral.v1.Goodbye.$Properties
             * @deprecated Use corral.v1.Goodbye.$Properties instead.
             */

            /**
             * Shape of a Goodbye.
             * @typedef {corral.v1.Goodbye.$Properties} corral.v1.Goodbye.$Shape
             */

            /**
             * Constructs a new Goodbye.
             * @memberof corral.v1
             * @classdesc Represents a Goodbye.
             * @constructor
             * @param {corral.v1.Goodbye.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Goodbye = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Goodbye reason.
             * @member {corral.v1.GoodbyeReason} reason
             * @memberof corral.v1.Goodbye
             * @instance
             */
            Goodbye.prototype.reason = 0;

            /**
             * Goodbye detail.
             * @member {string} detail
             * @memberof corral.v1.Goodbye
             * @instance
             */
            Goodbye.prototype.detail = "";

            /**
             * Goodbye acceptedTotal.
             * @member {number} acceptedTotal
             * @memberof corral.v1.Goodbye
             * @instance
             */
            Goodbye.prototype.acceptedTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Goodbye instance using the specified properties.
             * @function create
             * @memberof corral.v1.Goodbye
             * @static
             * @param {corral.v1.Goodbye.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Goodbye} Goodbye instance
             * @type {{
             *   (properties: corral.v1.Goodbye.$Shape): corral.v1.Goodbye & corral.v1.Goodbye.$Shape;
             *   (properties?: corral.v1.Goodbye.$Properties): corral.v1.Goodbye;
             * }}
             */
            Goodbye.create = function(properties) {
                return new Goodbye(properties);
            };

            /**
             * Encodes the specified Goodbye message. Does not implicitly {@link corral.v1.Goodbye.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Goodbye
             * @static
             * @param {corral.v1.Goodbye.$Properties} message Goodbye message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Goodbye.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.detail);
                if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal") && (typeof message.acceptedTotal === "object" ? message.acceptedTotal.low || message.acceptedTotal.high : message.acceptedTotal !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.acceptedTotal);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Goodbye message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Goodbye
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Goodbye & corral.v1.Goodbye.$Shape} Goodbye
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Goodbye.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Goodbye();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.acceptedTotal = value;
                            else
                                delete message.acceptedTotal;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Goodbye message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Goodbye
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Goodbye} Goodbye
             */
            Goodbye.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Goodbye)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Goodbye: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Goodbye();
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.corral.v1.GoodbyeReason[object.reason] !== 0))
                    switch (object.reason) {
                    case "GOODBYE_REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "GOODBYE_REASON_DRAINED":
                    case 1:
                        message.reason = 1;
                        break;
                    case "GOODBYE_REASON_STOPPED":
                    case 2:
                        message.reason = 2;
                        break;
                    case "GOODBYE_REASON_SIGNAL":
                    case 3:
                        message.reason = 3;
                        break;
                    case "GOODBYE_REASON_ERROR":
                    case 4:
                        message.reason = 4;
                        break;
                    case "GOODBYE_REASON_MAX_CONNECTIONS":
                    case 5:
                        message.reason = 5;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                if (object.detail != null)
                    if (typeof object.detail !== "string" || object.detail.length)
                        message.detail = $String(object.detail);
                if (object.acceptedTotal != null)
                    if (typeof object.acceptedTotal === "object" ? object.acceptedTotal.low || object.acceptedTotal.high : $Number(object.acceptedTotal) !== 0)
                        if ($util.Long)
                            message.acceptedTotal = $util.Long.fromValue(object.acceptedTotal, true);
                        else if (typeof object.acceptedTotal === "string")
                            message.acceptedTotal = $parseInt(object.acceptedTotal, 10);
                        else if (typeof object.acceptedTotal === "number")
                            message.acceptedTotal = object.acceptedTotal;
                        else if (typeof object.acceptedTotal === "object")
                            message.acceptedTotal = new $util.LongBits(object.acceptedTotal.low >>> 0, object.acceptedTotal.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Goodbye message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Goodbye
             * @static
             * @param {corral.v1.Goodbye} message Goodbye
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Goodbye.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.reason = options.enums === $String ? "GOODBYE_REASON_UNSPECIFIED" : 0;
                    object.detail = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.acceptedTotal = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.acceptedTotal = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.corral.v1.GoodbyeReason[message.reason] === $undefined ? message.reason : $root.corral.v1.GoodbyeReason[message.reason] : message.reason;
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    object.detail = message.detail;
                if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.acceptedTotal = typeof message.acceptedTotal === "number" ? $BigInt(message.acceptedTotal) : $util.Long.fromBits(message.acceptedTotal.low >>> 0, message.acceptedTotal.high >>> 0, true).toBigInt();
                    else if (typeof message.acceptedTotal === "number")
                        object.acceptedTotal = options.longs === $String ? $String(message.acceptedTotal) : message.acceptedTotal;
                    else
                        object.acceptedTotal = options.longs === $String ? $util.Long.prototype.toString.call(message.acceptedTotal) : options.longs === $Number ? new $util.LongBits(message.acceptedTotal.low >>> 0, message.acceptedTotal.high >>> 0).toNumber(true) : message.acceptedTotal;
                return object;
            };

            /**
             * Converts this Goodbye to JSON.
             * @function toJSON
             * @memberof corral.v1.Goodbye
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Goodbye.prototype.toJSON = function() {
                return Goodbye.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Goodbye;
        })();

        /**
         * ErrorCode enum.
         * @name corral.v1.ErrorCode
         * @enum {number}
         * @property {number} ERROR_CODE_UNSPECIFIED=0 ERROR_CODE_UNSPECIFIED value
         * @property {number} ERROR_CODE_FRAME_TOO_LARGE=100 ERROR_CODE_FRAME_TOO_LARGE value
         * @property {number} ERROR_CODE_FRAME_EMPTY=101 ERROR_CODE_FRAME_EMPTY value
         * @property {number} ERROR_CODE_FRAME_TRUNCATED=102 ERROR_CODE_FRAME_TRUNCATED value
         * @property {number} ERROR_CODE_DECODE=103 ERROR_CODE_DECODE value
         * @property {number} ERROR_CODE_UNKNOWN_MESSAGE=200 ERROR_CODE_UNKNOWN_MESSAGE value
         * @property {number} ERROR_CODE_UNEXPECTED_MESSAGE=201 ERROR_CODE_UNEXPECTED_MESSAGE value
         * @property {number} ERROR_CODE_VERSION_MISMATCH=202 ERROR_CODE_VERSION_MISMATCH value
         * @property {number} ERROR_CODE_HANDSHAKE_TIMEOUT=203 ERROR_CODE_HANDSHAKE_TIMEOUT value
         * @property {number} ERROR_CODE_HEARTBEAT_TIMEOUT=204 ERROR_CODE_HEARTBEAT_TIMEOUT value
         * @property {number} ERROR_CODE_FLOOD=205 ERROR_CODE_FLOOD value
         * @property {number} ERROR_CODE_INVALID_FIELD=206 ERROR_CODE_INVALID_FIELD value
         * @property {number} ERROR_CODE_GRANT_VIOLATION=207 ERROR_CODE_GRANT_VIOLATION value
         * @property {number} ERROR_CODE_UNSUPPORTED_FEATURE=208 ERROR_CODE_UNSUPPORTED_FEATURE value
         * @property {number} ERROR_CODE_TASK_UNKNOWN=300 ERROR_CODE_TASK_UNKNOWN value
         * @property {number} ERROR_CODE_TASK_TIMEOUT=301 ERROR_CODE_TASK_TIMEOUT value
         * @property {number} ERROR_CODE_TASK_CANCELLED=302 ERROR_CODE_TASK_CANCELLED value
         * @property {number} ERROR_CODE_TASK_FAILED=303 ERROR_CODE_TASK_FAILED value
         * @property {number} ERROR_CODE_TASK_OVERLOADED=304 ERROR_CODE_TASK_OVERLOADED value
         * @property {number} ERROR_CODE_DUPLICATE_REQUEST=305 ERROR_CODE_DUPLICATE_REQUEST value
         * @property {number} ERROR_CODE_TASK_WORKER_LOST=306 ERROR_CODE_TASK_WORKER_LOST value
         * @property {number} ERROR_CODE_APP_LOAD=400 ERROR_CODE_APP_LOAD value
         * @property {number} ERROR_CODE_INTERNAL=401 ERROR_CODE_INTERNAL value
         */
        v1.ErrorCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ERROR_CODE_UNSPECIFIED"] = 0;
            values[valuesById[100] = "ERROR_CODE_FRAME_TOO_LARGE"] = 100;
            values[valuesById[101] = "ERROR_CODE_FRAME_EMPTY"] = 101;
            values[valuesById[102] = "ERROR_CODE_FRAME_TRUNCATED"] = 102;
            values[valuesById[103] = "ERROR_CODE_DECODE"] = 103;
            values[valuesById[200] = "ERROR_CODE_UNKNOWN_MESSAGE"] = 200;
            values[valuesById[201] = "ERROR_CODE_UNEXPECTED_MESSAGE"] = 201;
            values[valuesById[202] = "ERROR_CODE_VERSION_MISMATCH"] = 202;
            values[valuesById[203] = "ERROR_CODE_HANDSHAKE_TIMEOUT"] = 203;
            values[valuesById[204] = "ERROR_CODE_HEARTBEAT_TIMEOUT"] = 204;
            values[valuesById[205] = "ERROR_CODE_FLOOD"] = 205;
            values[valuesById[206] = "ERROR_CODE_INVALID_FIELD"] = 206;
            values[valuesById[207] = "ERROR_CODE_GRANT_VIOLATION"] = 207;
            values[valuesById[208] = "ERROR_CODE_UNSUPPORTED_FEATURE"] = 208;
            values[valuesById[300] = "ERROR_CODE_TASK_UNKNOWN"] = 300;
            values[valuesById[301] = "ERROR_CODE_TASK_TIMEOUT"] = 301;
            values[valuesById[302] = "ERROR_CODE_TASK_CANCELLED"] = 302;
            values[valuesById[303] = "ERROR_CODE_TASK_FAILED"] = 303;
            values[valuesById[304] = "ERROR_CODE_TASK_OVERLOADED"] = 304;
            values[valuesById[305] = "ERROR_CODE_DUPLICATE_REQUEST"] = 305;
            values[valuesById[306] = "ERROR_CODE_TASK_WORKER_LOST"] = 306;
            values[valuesById[400] = "ERROR_CODE_APP_LOAD"] = 400;
            values[valuesById[401] = "ERROR_CODE_INTERNAL"] = 401;
            return values;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @typedef {Object} corral.v1.Error.$Properties
             * @property {number|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {boolean|null} [fatal] Error fatal
             * @property {number|null} [requestId] Error requestId
             * @property {number|null} [messageType] Error messageType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Error.
             * @memberof corral.v1
             * @interface IError
             * @augments corral.v1.Error.$Properties
             * @deprecated Use corral.v1.Error.$Properties instead.
             */

            /**
             * Shape of an Error.
             * @typedef {corral.v1.Error.$Properties} corral.v1.Error.$Shape
             */

            /**
             * Constructs a new Error.
             * @memberof corral.v1
             * @classdesc Represents an Error.
             * @constructor
             * @param {corral.v1.Error.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Error = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Error code.
             * @member {number} code
             * @memberof corral.v1.Error
             * @instance
             */
            Error.prototype.code = 0;

            /**
             * Error message.
             * @member {string} message
             * @memberof corral.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Error fatal.
             * @member {boolean} fatal
             * @memberof corral.v1.Error
             * @instance
             */
            Error.prototype.fatal = false;

            /**
             * Error requestId.
             * @member {number} requestId
             * @memberof corral.v1.Error
             * @instance
             */
            Error.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Error messageType.
             * @member {number} messageType
             * @memberof corral.v1.Error
             * @instance
             */
            Error.prototype.messageType = 0;

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof corral.v1.Error
             * @static
             * @param {corral.v1.Error.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Error} Error instance
             * @type {{
             *   (properties: corral.v1.Error.$Shape): corral.v1.Error & corral.v1.Error.$Shape;
             *   (properties?: corral.v1.Error.$Properties): corral.v1.Error;
             * }}
             */
            Error.create = function(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link corral.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Error
             * @static
             * @param {corral.v1.Error.$Properties} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.fatal != null && $Object.hasOwnProperty.call(message, "fatal") && message.fatal !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.fatal);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.requestId);
                if (message.messageType != null && $Object.hasOwnProperty.call(message, "messageType") && message.messageType !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.messageType);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Error & corral.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.fatal = value;
                            else
                                delete message.fatal;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.messageType = value;
                            else
                                delete message.messageType;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Error
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Error} Error
             */
            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Error();
                if (object.code != null)
                    if ($Number(object.code) !== 0)
                        message.code = object.code >>> 0;
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.fatal != null)
                    if (object.fatal)
                        message.fatal = $Boolean(object.fatal);
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.messageType != null)
                    if ($Number(object.messageType) !== 0)
                        message.messageType = object.messageType >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Error
             * @static
             * @param {corral.v1.Error} message Error
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = 0;
                    object.message = "";
                    object.fatal = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.messageType = 0;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.fatal != null && $Object.hasOwnProperty.call(message, "fatal"))
                    object.fatal = message.fatal;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.messageType != null && $Object.hasOwnProperty.call(message, "messageType"))
                    object.messageType = message.messageType;
                return object;
            };

            /**
             * Converts this Error to JSON.
             * @function toJSON
             * @memberof corral.v1.Error
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Error;
        })();

        v1.Execute = (function() {

            /**
             * Properties of an Execute.
             * @typedef {Object} corral.v1.Execute.$Properties
             * @property {number|null} [requestId] Execute requestId
             * @property {string|null} [name] Execute name
             * @property {Uint8Array|null} [payload] Execute payload
             * @property {number|null} [deadlineMs] Execute deadlineMs
             * @property {string|null} [contentType] Execute contentType
             * @property {number|null} [window] Execute window
             * @property {boolean|null} [idempotent] Execute idempotent
             * @property {Object.<string,string>|null} [meta] Execute meta
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Execute.
             * @memberof corral.v1
             * @interface IExecute
             * @augments corral.v1.Execute.$Properties
             * @deprecated Use corral.v1.Execute.$Properties instead.
             */

            /**
             * Shape of an Execute.
             * @typedef {corral.v1.Execute.$Properties} corral.v1.Execute.$Shape
             */

            /**
             * Constructs a new Execute.
             * @memberof corral.v1
             * @classdesc Represents an Execute.
             * @constructor
             * @param {corral.v1.Execute.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Execute = function (properties) {
                this.meta = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Execute requestId.
             * @member {number} requestId
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Execute name.
             * @member {string} name
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.name = "";

            /**
             * Execute payload.
             * @member {Uint8Array} payload
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.payload = $util.newBuffer([]);

            /**
             * Execute deadlineMs.
             * @member {number} deadlineMs
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.deadlineMs = 0;

            /**
             * Execute contentType.
             * @member {string} contentType
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.contentType = "";

            /**
             * Execute window.
             * @member {number} window
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.window = 0;

            /**
             * Execute idempotent.
             * @member {boolean} idempotent
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.idempotent = false;

            /**
             * Execute meta.
             * @member {Object.<string,string>} meta
             * @memberof corral.v1.Execute
             * @instance
             */
            Execute.prototype.meta = $util.emptyObject;

            /**
             * Creates a new Execute instance using the specified properties.
             * @function create
             * @memberof corral.v1.Execute
             * @static
             * @param {corral.v1.Execute.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Execute} Execute instance
             * @type {{
             *   (properties: corral.v1.Execute.$Shape): corral.v1.Execute & corral.v1.Execute.$Shape;
             *   (properties?: corral.v1.Execute.$Properties): corral.v1.Execute;
             * }}
             */
            Execute.create = function(properties) {
                return new Execute(properties);
            };

            /**
             * Encodes the specified Execute message. Does not implicitly {@link corral.v1.Execute.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Execute
             * @static
             * @param {corral.v1.Execute.$Properties} message Execute message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Execute.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.payload);
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs") && message.deadlineMs !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.deadlineMs);
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType") && message.contentType !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.contentType);
                if (message.window != null && $Object.hasOwnProperty.call(message, "window") && message.window !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.window);
                if (message.idempotent != null && $Object.hasOwnProperty.call(message, "idempotent") && message.idempotent !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.idempotent);
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    for (let keys = $Object.keys(message.meta), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.meta[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Execute message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Execute
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Execute & corral.v1.Execute.$Shape} Execute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Execute.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Execute();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deadlineMs = value;
                            else
                                delete message.deadlineMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contentType = value;
                            else
                                delete message.contentType;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.window = value;
                            else
                                delete message.window;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.idempotent = value;
                            else
                                delete message.idempotent;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (message.meta === $util.emptyObject)
                                message.meta = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.meta, key);
                            message.meta[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Execute message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Execute
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Execute} Execute
             */
            Execute.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Execute)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Execute: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Execute();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.payload != null)
                    if (object.payload.length)
                        if (typeof object.payload === "string")
                            $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                        else if (object.payload.length >= 0)
                            message.payload = object.payload;
                if (object.deadlineMs != null)
                    if ($Number(object.deadlineMs) !== 0)
                        message.deadlineMs = object.deadlineMs >>> 0;
                if (object.contentType != null)
                    if (typeof object.contentType !== "string" || object.contentType.length)
                        message.contentType = $String(object.contentType);
                if (object.window != null)
                    if ($Number(object.window) !== 0)
                        message.window = object.window >>> 0;
                if (object.idempotent != null)
                    if (object.idempotent)
                        message.idempotent = $Boolean(object.idempotent);
                if (object.meta) {
                    if (!$util.isObject(object.meta))
                        throw $TypeError(".corral.v1.Execute.meta: object expected");
                    message.meta = {};
                    for (let keys = $Object.keys(object.meta), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.meta, keys[i]);
                        message.meta[keys[i]] = $String(object.meta[keys[i]]);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an Execute message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Execute
             * @static
             * @param {corral.v1.Execute} message Execute
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Execute.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.meta = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.name = "";
                    if (options.bytes === $String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== $Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                    object.deadlineMs = 0;
                    object.contentType = "";
                    object.window = 0;
                    object.idempotent = false;
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    object.payload = options.bytes === $String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.payload) : message.payload;
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs"))
                    object.deadlineMs = message.deadlineMs;
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                if (message.window != null && $Object.hasOwnProperty.call(message, "window"))
                    object.window = message.window;
                if (message.idempotent != null && $Object.hasOwnProperty.call(message, "idempotent"))
                    object.idempotent = message.idempotent;
                let keys2;
                if (message.meta && (keys2 = $Object.keys(message.meta)).length) {
                    object.meta = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.meta, keys2[j]);
                        object.meta[keys2[j]] = message.meta[keys2[j]];
                    }
                }
                return object;
            };

            /**
             * Converts this Execute to JSON.
             * @function toJSON
             * @memberof corral.v1.Execute
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Execute.prototype.toJSON = function() {
                return Execute.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Execute;
        })();

        v1.Result = (function() {

            /**
             * Properties of a Result.
             * @typedef {Object} corral.v1.Result.$Properties
             * @property {number|null} [requestId] Result requestId
             * @property {Uint8Array|null} [payload] Result payload
             * @property {string|null} [contentType] Result contentType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Result.
             * @memberof corral.v1
             * @interface IResult
             * @augments corral.v1.Result.$Properties
             * @deprecated Use corral.v1.Result.$Properties instead.
             */

            /**
             * Shape of a Result.
             * @typedef {corral.v1.Result.$Properties} corral.v1.Result.$Shape
             */

            /**
             * Constructs a new Result.
             * @memberof corral.v1
             * @classdesc Represents a Result.
             * @constructor
             * @param {corral.v1.Result.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Result = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Result requestId.
             * @member {number} requestId
             * @memberof corral.v1.Result
             * @instance
             */
            Result.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Result payload.
             * @member {Uint8Array} payload
             * @memberof corral.v1.Result
             * @instance
             */
            Result.prototype.payload = $util.newBuffer([]);

            /**
             * Result contentType.
             * @member {string} contentType
             * @memberof corral.v1.Result
             * @instance
             */
            Result.prototype.contentType = "";

            /**
             * Creates a new Result instance using the specified properties.
             * @function create
             * @memberof corral.v1.Result
             * @static
             * @param {corral.v1.Result.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Result} Result instance
             * @type {{
             *   (properties: corral.v1.Result.$Shape): corral.v1.Result & corral.v1.Result.$Shape;
             *   (properties?: corral.v1.Result.$Properties): corral.v1.Result;
             * }}
             */
            Result.create = function(properties) {
                return new Result(properties);
            };

            /**
             * Encodes the specified Result message. Does not implicitly {@link corral.v1.Result.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Result
             * @static
             * @param {corral.v1.Result.$Properties} message Result message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Result.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.payload);
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType") && message.contentType !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.contentType);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Result message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Result
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Result & corral.v1.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Result.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Result();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contentType = value;
                            else
                                delete message.contentType;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Result message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Result
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Result} Result
             */
            Result.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Result)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Result: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Result();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.payload != null)
                    if (object.payload.length)
                        if (typeof object.payload === "string")
                            $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                        else if (object.payload.length >= 0)
                            message.payload = object.payload;
                if (object.contentType != null)
                    if (typeof object.contentType !== "string" || object.contentType.length)
                        message.contentType = $String(object.contentType);
                return message;
            };

            /**
             * Creates a plain object from a Result message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Result
             * @static
             * @param {corral.v1.Result} message Result
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Result.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== $Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                    object.contentType = "";
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    object.payload = options.bytes === $String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.payload) : message.payload;
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                return object;
            };

            /**
             * Converts this Result to JSON.
             * @function toJSON
             * @memberof corral.v1.Result
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Result.prototype.toJSON = function() {
                return Result.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Result;
        })();

        v1.Chunk = (function() {

            /**
             * Properties of a Chunk.
             * @typedef {Object} corral.v1.Chunk.$Properties
             * @property {number|null} [requestId] Chunk requestId
             * @property {number|null} [seq] Chunk seq
             * @property {Uint8Array|null} [payload] Chunk payload
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Chunk.
             * @memberof corral.v1
             * @interface IChunk
             * @augments corral.v1.Chunk.$Properties
             * @deprecated Use corral.v1.Chunk.$Properties instead.
             */

            /**
             * Shape of a Chunk.
             * @typedef {corral.v1.Chunk.$Properties} corral.v1.Chunk.$Shape
             */

            /**
             * Constructs a new Chunk.
             * @memberof corral.v1
             * @classdesc Represents a Chunk.
             * @constructor
             * @param {corral.v1.Chunk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Chunk = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Chunk requestId.
             * @member {number} requestId
             * @memberof corral.v1.Chunk
             * @instance
             */
            Chunk.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Chunk seq.
             * @member {number} seq
             * @memberof corral.v1.Chunk
             * @instance
             */
            Chunk.prototype.seq = 0;

            /**
             * Chunk payload.
             * @member {Uint8Array} payload
             * @memberof corral.v1.Chunk
             * @instance
             */
            Chunk.prototype.payload = $util.newBuffer([]);

            /**
             * Creates a new Chunk instance using the specified properties.
             * @function create
             * @memberof corral.v1.Chunk
             * @static
             * @param {corral.v1.Chunk.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Chunk} Chunk instance
             * @type {{
             *   (properties: corral.v1.Chunk.$Shape): corral.v1.Chunk & corral.v1.Chunk.$Shape;
             *   (properties?: corral.v1.Chunk.$Properties): corral.v1.Chunk;
             * }}
             */
            Chunk.create = function(properties) {
                return new Chunk(properties);
            };

            /**
             * Encodes the specified Chunk message. Does not implicitly {@link corral.v1.Chunk.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Chunk
             * @static
             * @param {corral.v1.Chunk.$Properties} message Chunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Chunk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.seq);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.payload);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Chunk message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Chunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Chunk & corral.v1.Chunk.$Shape} Chunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Chunk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Chunk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Chunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Chunk
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Chunk} Chunk
             */
            Chunk.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Chunk)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Chunk: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Chunk();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.seq != null)
                    if ($Number(object.seq) !== 0)
                        message.seq = object.seq >>> 0;
                if (object.payload != null)
                    if (object.payload.length)
                        if (typeof object.payload === "string")
                            $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                        else if (object.payload.length >= 0)
                            message.payload = object.payload;
                return message;
            };

            /**
             * Creates a plain object from a Chunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Chunk
             * @static
             * @param {corral.v1.Chunk} message Chunk
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Chunk.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.seq = 0;
                    if (options.bytes === $String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== $Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    object.seq = message.seq;
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    object.payload = options.bytes === $String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.payload) : message.payload;
                return object;
            };

            /**
             * Converts this Chunk to JSON.
             * @function toJSON
             * @memberof corral.v1.Chunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Chunk.prototype.toJSON = function() {
                return Chunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Chunk;
        })();

        v1.End = (function() {

            /**
             * Properties of an End.
             * @typedef {Object} corral.v1.End.$Properties
             * @property {number|null} [requestId] End requestId
             * @property {number|null} [chunks] End chunks
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an End.
             * @memberof corral.v1
             * @interface IEnd
             * @augments corral.v1.End.$Properties
             * @deprecated Use corral.v1.End.$Properties instead.
             */

            /**
             * Shape of an End.
             * @typedef {corral.v1.End.$Properties} corral.v1.End.$Shape
             */

            /**
             * Constructs a new End.
             * @memberof corral.v1
             * @classdesc Represents an End.
             * @constructor
             * @param {corral.v1.End.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const End = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * End requestId.
             * @member {number} requestId
             * @memberof corral.v1.End
             * @instance
             */
            End.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * End chunks.
             * @member {number} chunks
             * @memberof corral.v1.End
             * @instance
             */
            End.prototype.chunks = 0;

            /**
             * Creates a new End instance using the specified properties.
             * @function create
             * @memberof corral.v1.End
             * @static
             * @param {corral.v1.End.$Properties=} [properties] Properties to set
             * @returns {corral.v1.End} End instance
             * @type {{
             *   (properties: corral.v1.End.$Shape): corral.v1.End & corral.v1.End.$Shape;
             *   (properties?: corral.v1.End.$Properties): corral.v1.End;
             * }}
             */
            End.create = function(properties) {
                return new End(properties);
            };

            /**
             * Encodes the specified End message. Does not implicitly {@link corral.v1.End.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.End
             * @static
             * @param {corral.v1.End.$Properties} message End message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            End.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks") && message.chunks !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.chunks);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an End message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.End
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.End & corral.v1.End.$Shape} End
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            End.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.End();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunks = value;
                            else
                                delete message.chunks;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an End message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.End
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.End} End
             */
            End.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.End)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.End: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.End();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.chunks != null)
                    if ($Number(object.chunks) !== 0)
                        message.chunks = object.chunks >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an End message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.End
             * @static
             * @param {corral.v1.End} message End
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            End.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.chunks = 0;
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks"))
                    object.chunks = message.chunks;
                return object;
            };

            /**
             * Converts this End to JSON.
             * @function toJSON
             * @memberof corral.v1.End
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            End.prototype.toJSON = function() {
                return End.toObject(this, $protobuf.util.toJSONOptions);
            };

            return End;
        })();

        v1.Cancel = (function() {

            /**
             * Properties of a Cancel.
             * @typedef {Object} corral.v1.Cancel.$Properties
             * @property {number|null} [requestId] Cancel requestId
             * @property {string|null} [reason] Cancel reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Cancel.
             * @memberof corral.v1
             * @interface ICancel
             * @augments corral.v1.Cancel.$Properties
             * @deprecated Use corral.v1.Cancel.$Properties instead.
             */

            /**
             * Shape of a Cancel.
             * @typedef {corral.v1.Cancel.$Properties} corral.v1.Cancel.$Shape
             */

            /**
             * Constructs a new Cancel.
             * @memberof corral.v1
             * @classdesc Represents a Cancel.
             * @constructor
             * @param {corral.v1.Cancel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Cancel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Cancel requestId.
             * @member {number} requestId
             * @memberof corral.v1.Cancel
             * @instance
             */
            Cancel.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Cancel reason.
             * @member {string} reason
             * @memberof corral.v1.Cancel
             * @instance
             */
            Cancel.prototype.reason = "";

            /**
             * Creates a new Cancel instance using the specified properties.
             * @function create
             * @memberof corral.v1.Cancel
             * @static
             * @param {corral.v1.Cancel.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Cancel} Cancel instance
             * @type {{
             *   (properties: corral.v1.Cancel.$Shape): corral.v1.Cancel & corral.v1.Cancel.$Shape;
             *   (properties?: corral.v1.Cancel.$Properties): corral.v1.Cancel;
             * }}
             */
            Cancel.create = function(properties) {
                return new Cancel(properties);
            };

            /**
             * Encodes the specified Cancel message. Does not implicitly {@link corral.v1.Cancel.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Cancel
             * @static
             * @param {corral.v1.Cancel.$Properties} message Cancel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cancel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Cancel message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Cancel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Cancel & corral.v1.Cancel.$Shape} Cancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cancel.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Cancel();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Cancel message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Cancel
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Cancel} Cancel
             */
            Cancel.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Cancel)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Cancel: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Cancel();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a Cancel message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Cancel
             * @static
             * @param {corral.v1.Cancel} message Cancel
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Cancel.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.reason = "";
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this Cancel to JSON.
             * @function toJSON
             * @memberof corral.v1.Cancel
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Cancel.prototype.toJSON = function() {
                return Cancel.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Cancel;
        })();

        v1.Credit = (function() {

            /**
             * Properties of a Credit.
             * @typedef {Object} corral.v1.Credit.$Properties
             * @property {number|null} [requestId] Credit requestId
             * @property {number|null} [chunks] Credit chunks
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Credit.
             * @memberof corral.v1
             * @interface ICredit
             * @augments corral.v1.Credit.$Properties
             * @deprecated Use corral.v1.Credit.$Properties instead.
             */

            /**
             * Shape of a Credit.
             * @typedef {corral.v1.Credit.$Properties} corral.v1.Credit.$Shape
             */

            /**
             * Constructs a new Credit.
             * @memberof corral.v1
             * @classdesc Represents a Credit.
             * @constructor
             * @param {corral.v1.Credit.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Credit = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Credit requestId.
             * @member {number} requestId
             * @memberof corral.v1.Credit
             * @instance
             */
            Credit.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Credit chunks.
             * @member {number} chunks
             * @memberof corral.v1.Credit
             * @instance
             */
            Credit.prototype.chunks = 0;

            /**
             * Creates a new Credit instance using the specified properties.
             * @function create
             * @memberof corral.v1.Credit
             * @static
             * @param {corral.v1.Credit.$Properties=} [properties] Properties to set
             * @returns {corral.v1.Credit} Credit instance
             * @type {{
             *   (properties: corral.v1.Credit.$Shape): corral.v1.Credit & corral.v1.Credit.$Shape;
             *   (properties?: corral.v1.Credit.$Properties): corral.v1.Credit;
             * }}
             */
            Credit.create = function(properties) {
                return new Credit(properties);
            };

            /**
             * Encodes the specified Credit message. Does not implicitly {@link corral.v1.Credit.verify|verify} messages.
             * @function encode
             * @memberof corral.v1.Credit
             * @static
             * @param {corral.v1.Credit.$Properties} message Credit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Credit.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks") && message.chunks !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.chunks);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Credit message from the specified reader or buffer.
             * @function decode
             * @memberof corral.v1.Credit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {corral.v1.Credit & corral.v1.Credit.$Shape} Credit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Credit.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.corral.v1.Credit();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunks = value;
                            else
                                delete message.chunks;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Credit message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof corral.v1.Credit
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {corral.v1.Credit} Credit
             */
            Credit.fromObject = function (object, _depth) {
                if (object instanceof $root.corral.v1.Credit)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".corral.v1.Credit: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.corral.v1.Credit();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.chunks != null)
                    if ($Number(object.chunks) !== 0)
                        message.chunks = object.chunks >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Credit message. Also converts values to other types if specified.
             * @function toObject
             * @memberof corral.v1.Credit
             * @static
             * @param {corral.v1.Credit} message Credit
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Credit.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.chunks = 0;
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks"))
                    object.chunks = message.chunks;
                return object;
            };

            /**
             * Converts this Credit to JSON.
             * @function toJSON
             * @memberof corral.v1.Credit
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Credit.prototype.toJSON = function() {
                return Credit.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Credit;
        })();

        return v1;
    })();

    return corral;
})();

export {
  $root as default
};
