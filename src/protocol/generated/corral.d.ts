import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace corral. */
export namespace corral {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an Envelope.
         * @deprecated Use corral.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends corral.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope hello. */
            hello?: (corral.v1.Hello.$Properties|null);

            /** Envelope welcome. */
            welcome?: (corral.v1.Welcome.$Properties|null);

            /** Envelope ready. */
            ready?: (corral.v1.Ready.$Properties|null);

            /** Envelope heartbeat. */
            heartbeat?: (corral.v1.Heartbeat.$Properties|null);

            /** Envelope acceptGrant. */
            acceptGrant?: (corral.v1.AcceptGrant.$Properties|null);

            /** Envelope acceptDone. */
            acceptDone?: (corral.v1.AcceptDone.$Properties|null);

            /** Envelope handoff. */
            handoff?: (corral.v1.ConnectionHandoff.$Properties|null);

            /** Envelope handoffAck. */
            handoffAck?: (corral.v1.HandoffAck.$Properties|null);

            /** Envelope acceptRevoke. */
            acceptRevoke?: (corral.v1.AcceptRevoke.$Properties|null);

            /** Envelope drain. */
            drain?: (corral.v1.Drain.$Properties|null);

            /** Envelope stop. */
            stop?: (corral.v1.Stop.$Properties|null);

            /** Envelope goodbye. */
            goodbye?: (corral.v1.Goodbye.$Properties|null);

            /** Envelope error. */
            error?: (corral.v1.Error.$Properties|null);

            /** Envelope execute. */
            execute?: (corral.v1.Execute.$Properties|null);

            /** Envelope result. */
            result?: (corral.v1.Result.$Properties|null);

            /** Envelope chunk. */
            chunk?: (corral.v1.Chunk.$Properties|null);

            /** Envelope end. */
            end?: (corral.v1.End.$Properties|null);

            /** Envelope cancel. */
            cancel?: (corral.v1.Cancel.$Properties|null);

            /** Envelope credit. */
            credit?: (corral.v1.Credit.$Properties|null);

            /** Envelope body. */
            body?: ("hello"|"welcome"|"ready"|"heartbeat"|"acceptGrant"|"acceptDone"|"handoff"|"handoffAck"|"acceptRevoke"|"drain"|"stop"|"goodbye"|"error"|"execute"|"result"|"chunk"|"end"|"cancel"|"credit");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: corral.v1.Envelope.$Shape): corral.v1.Envelope & corral.v1.Envelope.$Shape;
            static create(properties?: corral.v1.Envelope.$Properties): corral.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link corral.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Envelope & corral.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Envelope & corral.v1.Envelope.$Shape;

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope hello */
                hello?: (corral.v1.Hello.$Properties|null);

                /** Envelope welcome */
                welcome?: (corral.v1.Welcome.$Properties|null);

                /** Envelope ready */
                ready?: (corral.v1.Ready.$Properties|null);

                /** Envelope heartbeat */
                heartbeat?: (corral.v1.Heartbeat.$Properties|null);

                /** Envelope acceptGrant */
                acceptGrant?: (corral.v1.AcceptGrant.$Properties|null);

                /** Envelope acceptDone */
                acceptDone?: (corral.v1.AcceptDone.$Properties|null);

                /** Envelope handoff */
                handoff?: (corral.v1.ConnectionHandoff.$Properties|null);

                /** Envelope handoffAck */
                handoffAck?: (corral.v1.HandoffAck.$Properties|null);

                /** Envelope acceptRevoke */
                acceptRevoke?: (corral.v1.AcceptRevoke.$Properties|null);

                /** Envelope drain */
                drain?: (corral.v1.Drain.$Properties|null);

                /** Envelope stop */
                stop?: (corral.v1.Stop.$Properties|null);

                /** Envelope goodbye */
                goodbye?: (corral.v1.Goodbye.$Properties|null);

                /** Envelope error */
                error?: (corral.v1.Error.$Properties|null);

                /** Envelope execute */
                execute?: (corral.v1.Execute.$Properties|null);

                /** Envelope result */
                result?: (corral.v1.Result.$Properties|null);

                /** Envelope chunk */
                chunk?: (corral.v1.Chunk.$Properties|null);

                /** Envelope end */
                end?: (corral.v1.End.$Properties|null);

                /** Envelope cancel */
                cancel?: (corral.v1.Cancel.$Properties|null);

                /** Envelope credit */
                credit?: (corral.v1.Credit.$Properties|null);

                /** Envelope body */
                body?: ("hello"|"welcome"|"ready"|"heartbeat"|"acceptGrant"|"acceptDone"|"handoff"|"handoffAck"|"acceptRevoke"|"drain"|"stop"|"goodbye"|"error"|"execute"|"result"|"chunk"|"end"|"cancel"|"credit");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              hello?: corral.v1.Hello.$Shape|null;
              welcome?: corral.v1.Welcome.$Shape|null;
              ready?: corral.v1.Ready.$Shape|null;
              heartbeat?: corral.v1.Heartbeat.$Shape|null;
              acceptGrant?: corral.v1.AcceptGrant.$Shape|null;
              acceptDone?: corral.v1.AcceptDone.$Shape|null;
              handoff?: corral.v1.ConnectionHandoff.$Shape|null;
              handoffAck?: corral.v1.HandoffAck.$Shape|null;
              acceptRevoke?: corral.v1.AcceptRevoke.$Shape|null;
              drain?: corral.v1.Drain.$Shape|null;
              stop?: corral.v1.Stop.$Shape|null;
              goodbye?: corral.v1.Goodbye.$Shape|null;
              error?: corral.v1.Error.$Shape|null;
              execute?: corral.v1.Execute.$Shape|null;
              result?: corral.v1.Result.$Shape|null;
              chunk?: corral.v1.Chunk.$Shape|null;
              end?: corral.v1.End.$Shape|null;
              cancel?: corral.v1.Cancel.$Shape|null;
              credit?: corral.v1.Credit.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "hello"; hello: corral.v1.Hello.$Shape; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "welcome"; hello?: null; welcome: corral.v1.Welcome.$Shape; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "ready"; hello?: null; welcome?: null; ready: corral.v1.Ready.$Shape; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "heartbeat"; hello?: null; welcome?: null; ready?: null; heartbeat: corral.v1.Heartbeat.$Shape; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "acceptGrant"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant: corral.v1.AcceptGrant.$Shape; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "acceptDone"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone: corral.v1.AcceptDone.$Shape; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "handoff"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff: corral.v1.ConnectionHandoff.$Shape; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "handoffAck"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck: corral.v1.HandoffAck.$Shape; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "acceptRevoke"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke: corral.v1.AcceptRevoke.$Shape; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "drain"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain: corral.v1.Drain.$Shape; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "stop"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop: corral.v1.Stop.$Shape; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "goodbye"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye: corral.v1.Goodbye.$Shape; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "error"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error: corral.v1.Error.$Shape; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "execute"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute: corral.v1.Execute.$Shape; result?: null; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "result"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result: corral.v1.Result.$Shape; chunk?: null; end?: null; cancel?: null; credit?: null }|{ body?: "chunk"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk: corral.v1.Chunk.$Shape; end?: null; cancel?: null; credit?: null }|{ body?: "end"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end: corral.v1.End.$Shape; cancel?: null; credit?: null }|{ body?: "cancel"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel: corral.v1.Cancel.$Shape; credit?: null }|{ body?: "credit"; hello?: null; welcome?: null; ready?: null; heartbeat?: null; acceptGrant?: null; acceptDone?: null; handoff?: null; handoffAck?: null; acceptRevoke?: null; drain?: null; stop?: null; goodbye?: null; error?: null; execute?: null; result?: null; chunk?: null; end?: null; cancel?: null; credit: corral.v1.Credit.$Shape })
            );
        }

        /**
         * Properties of a Version.
         * @deprecated Use corral.v1.Version.$Properties instead.
         */
        interface IVersion extends corral.v1.Version.$Properties {
        }

        /** Represents a Version. */
        class Version {

            /**
             * Constructs a new Version.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Version.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Version major. */
            major: number;

            /** Version minor. */
            minor: number;

            /**
             * Creates a new Version instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Version instance
             */
            static create(properties: corral.v1.Version.$Shape): corral.v1.Version & corral.v1.Version.$Shape;
            static create(properties?: corral.v1.Version.$Properties): corral.v1.Version;

            /**
             * Encodes the specified Version message. Does not implicitly {@link corral.v1.Version.verify|verify} messages.
             * @param message Version message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Version.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Version message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Version & corral.v1.Version.$Shape} Version
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Version & corral.v1.Version.$Shape;

            /**
             * Creates a Version message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Version
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Version;

            /**
             * Creates a plain object from a Version message. Also converts values to other types if specified.
             * @param message Version
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Version, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Version to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Version {

            /** Properties of a Version. */
            interface $Properties {

                /** Version major */
                major?: (number|null);

                /** Version minor */
                minor?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Version. */
            type $Shape = corral.v1.Version.$Properties;
        }

        /** WorkerKind enum. */
        enum WorkerKind {

            /** WORKER_KIND_UNSPECIFIED value */
            WORKER_KIND_UNSPECIFIED = 0,

            /** WORKER_KIND_SOCKET value */
            WORKER_KIND_SOCKET = 1,

            /** WORKER_KIND_TASK value */
            WORKER_KIND_TASK = 2,

            /** WORKER_KIND_CLIENT value */
            WORKER_KIND_CLIENT = 3
        }

        /** AcceptStrategy enum. */
        enum AcceptStrategy {

            /** ACCEPT_STRATEGY_UNSPECIFIED value */
            ACCEPT_STRATEGY_UNSPECIFIED = 0,

            /** ACCEPT_STRATEGY_ARBITER value */
            ACCEPT_STRATEGY_ARBITER = 1,

            /** ACCEPT_STRATEGY_SHARED value */
            ACCEPT_STRATEGY_SHARED = 2,

            /** ACCEPT_STRATEGY_EXCLUSIVE value */
            ACCEPT_STRATEGY_EXCLUSIVE = 3,

            /** ACCEPT_STRATEGY_REUSEPORT value */
            ACCEPT_STRATEGY_REUSEPORT = 4,

            /** ACCEPT_STRATEGY_HANDOFF value */
            ACCEPT_STRATEGY_HANDOFF = 5
        }

        /**
         * Properties of a Hello.
         * @deprecated Use corral.v1.Hello.$Properties instead.
         */
        interface IHello extends corral.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello versions. */
            versions: corral.v1.Version.$Properties[];

            /** Hello kind. */
            kind: corral.v1.WorkerKind;

            /** Hello pid. */
            pid: number;

            /** Hello features. */
            features: string[];

            /** Hello maxFrameBytes. */
            maxFrameBytes: number;

            /** Hello implementation. */
            implementation: string;

            /** Hello capacity. */
            capacity: number;

            /** Hello apps. */
            apps: string[];

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: corral.v1.Hello.$Shape): corral.v1.Hello & corral.v1.Hello.$Shape;
            static create(properties?: corral.v1.Hello.$Properties): corral.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link corral.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Hello & corral.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Hello & corral.v1.Hello.$Shape;

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hello
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param message Hello
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello versions */
                versions?: (corral.v1.Version.$Properties[]|null);

                /** Hello kind */
                kind?: (corral.v1.WorkerKind|null);

                /** Hello pid */
                pid?: (number|null);

                /** Hello features */
                features?: (string[]|null);

                /** Hello maxFrameBytes */
                maxFrameBytes?: (number|null);

                /** Hello implementation */
                implementation?: (string|null);

                /** Hello capacity */
                capacity?: (number|null);

                /** Hello apps */
                apps?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = corral.v1.Hello.$Properties;
        }

        /**
         * Properties of a Listener.
         * @deprecated Use corral.v1.Listener.$Properties instead.
         */
        interface IListener extends corral.v1.Listener.$Properties {
        }

        /** Represents a Listener. */
        class Listener {

            /**
             * Constructs a new Listener.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Listener.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Listener index. */
            index: number;

            /** Listener name. */
            name: string;

            /** Listener address. */
            address: string;

            /**
             * Creates a new Listener instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Listener instance
             */
            static create(properties: corral.v1.Listener.$Shape): corral.v1.Listener & corral.v1.Listener.$Shape;
            static create(properties?: corral.v1.Listener.$Properties): corral.v1.Listener;

            /**
             * Encodes the specified Listener message. Does not implicitly {@link corral.v1.Listener.verify|verify} messages.
             * @param message Listener message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Listener.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Listener message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Listener & corral.v1.Listener.$Shape} Listener
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Listener & corral.v1.Listener.$Shape;

            /**
             * Creates a Listener message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Listener
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Listener;

            /**
             * Creates a plain object from a Listener message. Also converts values to other types if specified.
             * @param message Listener
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Listener, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Listener to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Listener {

            /** Properties of a Listener. */
            interface $Properties {

                /** Listener index */
                index?: (number|null);

                /** Listener name */
                name?: (string|null);

                /** Listener address */
                address?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Listener. */
            type $Shape = corral.v1.Listener.$Properties;
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use corral.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends corral.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome version. */
            version?: (corral.v1.Version.$Properties|null);

            /** Welcome workerId. */
            workerId: number;

            /** Welcome heartbeatIntervalMs. */
            heartbeatIntervalMs: number;

            /** Welcome heartbeatTimeoutMs. */
            heartbeatTimeoutMs: number;

            /** Welcome listeners. */
            listeners: corral.v1.Listener.$Properties[];

            /** Welcome maxFrameBytes. */
            maxFrameBytes: number;

            /** Welcome strategy. */
            strategy: corral.v1.AcceptStrategy;

            /** Welcome features. */
            features: string[];

            /** Welcome generation. */
            generation: number;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: corral.v1.Welcome.$Shape): corral.v1.Welcome & corral.v1.Welcome.$Shape;
            static create(properties?: corral.v1.Welcome.$Properties): corral.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link corral.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Welcome & corral.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Welcome & corral.v1.Welcome.$Shape;

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Welcome
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Welcome;

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @param message Welcome
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Welcome, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Welcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome version */
                version?: (corral.v1.Version.$Properties|null);

                /** Welcome workerId */
                workerId?: (number|null);

                /** Welcome heartbeatIntervalMs */
                heartbeatIntervalMs?: (number|null);

                /** Welcome heartbeatTimeoutMs */
                heartbeatTimeoutMs?: (number|null);

                /** Welcome listeners */
                listeners?: (corral.v1.Listener.$Properties[]|null);

                /** Welcome maxFrameBytes */
                maxFrameBytes?: (number|null);

                /** Welcome strategy */
                strategy?: (corral.v1.AcceptStrategy|null);

                /** Welcome features */
                features?: (string[]|null);

                /** Welcome generation */
                generation?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = corral.v1.Welcome.$Properties;
        }

        /**
         * Properties of a Ready.
         * @deprecated Use corral.v1.Ready.$Properties instead.
         */
        interface IReady extends corral.v1.Ready.$Properties {
        }

        /** Represents a Ready. */
        class Ready {

            /**
             * Constructs a new Ready.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Ready.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ready capacity. */
            capacity: number;

            /**
             * Creates a new Ready instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ready instance
             */
            static create(properties: corral.v1.Ready.$Shape): corral.v1.Ready & corral.v1.Ready.$Shape;
            static create(properties?: corral.v1.Ready.$Properties): corral.v1.Ready;

            /**
             * Encodes the specified Ready message. Does not implicitly {@link corral.v1.Ready.verify|verify} messages.
             * @param message Ready message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Ready.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ready message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Ready & corral.v1.Ready.$Shape} Ready
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Ready & corral.v1.Ready.$Shape;

            /**
             * Creates a Ready message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ready
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Ready;

            /**
             * Creates a plain object from a Ready message. Also converts values to other types if specified.
             * @param message Ready
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Ready, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ready to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Ready {

            /** Properties of a Ready. */
            interface $Properties {

                /** Ready capacity */
                capacity?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ready. */
            type $Shape = corral.v1.Ready.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use corral.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends corral.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat timeMs. */
            timeMs: number;

            /** Heartbeat inFlight. */
            inFlight: number;

            /** Heartbeat capacity. */
            capacity: number;

            /** Heartbeat acceptedTotal. */
            acceptedTotal: number;

            /** Heartbeat requestsTotal. */
            requestsTotal: number;

            /** Heartbeat wakeupsTotal. */
            wakeupsTotal: number;

            /** Heartbeat latencyCounts. */
            latencyCounts: number[];

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: corral.v1.Heartbeat.$Shape): corral.v1.Heartbeat & corral.v1.Heartbeat.$Shape;
            static create(properties?: corral.v1.Heartbeat.$Properties): corral.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link corral.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Heartbeat & corral.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Heartbeat & corral.v1.Heartbeat.$Shape;

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat timeMs */
                timeMs?: (number|null);

                /** Heartbeat inFlight */
                inFlight?: (number|null);

                /** Heartbeat capacity */
                capacity?: (number|null);

                /** Heartbeat acceptedTotal */
                acceptedTotal?: (number|null);

                /** Heartbeat requestsTotal */
                requestsTotal?: (number|null);

                /** Heartbeat wakeupsTotal */
                wakeupsTotal?: (number|null);

                /** Heartbeat latencyCounts */
                latencyCounts?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = corral.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of an AcceptGrant.
         * @deprecated Use corral.v1.AcceptGrant.$Properties instead.
         */
        interface IAcceptGrant extends corral.v1.AcceptGrant.$Properties {
        }

        /** Represents an AcceptGrant. */
        class AcceptGrant {

            /**
             * Constructs a new AcceptGrant.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.AcceptGrant.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AcceptGrant grantId. */
            grantId: number;

            /** AcceptGrant listener. */
            listener: number;

            /** AcceptGrant maxAccepts. */
            maxAccepts: number;

            /** AcceptGrant releaseLoad. */
            releaseLoad: number;

            /** AcceptGrant leaseMs. */
            leaseMs: number;

            /**
             * Creates a new AcceptGrant instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AcceptGrant instance
             */
            static create(properties: corral.v1.AcceptGrant.$Shape): corral.v1.AcceptGrant & corral.v1.AcceptGrant.$Shape;
            static create(properties?: corral.v1.AcceptGrant.$Properties): corral.v1.AcceptGrant;

            /**
             * Encodes the specified AcceptGrant message. Does not implicitly {@link corral.v1.AcceptGrant.verify|verify} messages.
             * @param message AcceptGrant message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.AcceptGrant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AcceptGrant message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.AcceptGrant & corral.v1.AcceptGrant.$Shape} AcceptGrant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.AcceptGrant & corral.v1.AcceptGrant.$Shape;

            /**
             * Creates an AcceptGrant message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AcceptGrant
             */
            static fromObject(object: { [k: string]: any }): corral.v1.AcceptGrant;

            /**
             * Creates a plain object from an AcceptGrant message. Also converts values to other types if specified.
             * @param message AcceptGrant
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.AcceptGrant, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AcceptGrant to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AcceptGrant {

            /** Properties of an AcceptGrant. */
            interface $Properties {

                /** AcceptGrant grantId */
                grantId?: (number|null);

                /** AcceptGrant listener */
                listener?: (number|null);

                /** AcceptGrant maxAccepts */
                maxAccepts?: (number|null);

                /** AcceptGrant releaseLoad */
                releaseLoad?: (number|null);

                /** AcceptGrant leaseMs */
                leaseMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AcceptGrant. */
            type $Shape = corral.v1.AcceptGrant.$Properties;
        }

        /** ReleaseReason enum. */
        enum ReleaseReason {

            /** RELEASE_REASON_UNSPECIFIED value */
            RELEASE_REASON_UNSPECIFIED = 0,

            /** RELEASE_REASON_BATCH value */
            RELEASE_REASON_BATCH = 1,

            /** RELEASE_REASON_LOAD value */
            RELEASE_REASON_LOAD = 2,

            /** RELEASE_REASON_EXPIRED value */
            RELEASE_REASON_EXPIRED = 3,

            /** RELEASE_REASON_DRAINING value */
            RELEASE_REASON_DRAINING = 4,

            /** RELEASE_REASON_ERROR value */
            RELEASE_REASON_ERROR = 5,

            /** RELEASE_REASON_REVOKED value */
            RELEASE_REASON_REVOKED = 6
        }

        /**
         * Properties of an AcceptDone.
         * @deprecated Use corral.v1.AcceptDone.$Properties instead.
         */
        interface IAcceptDone extends corral.v1.AcceptDone.$Properties {
        }

        /** Represents an AcceptDone. */
        class AcceptDone {

            /**
             * Constructs a new AcceptDone.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.AcceptDone.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AcceptDone grantId. */
            grantId: number;

            /** AcceptDone listener. */
            listener: number;

            /** AcceptDone accepted. */
            accepted: number;

            /** AcceptDone wouldBlock. */
            wouldBlock: number;

            /** AcceptDone inFlight. */
            inFlight: number;

            /** AcceptDone reason. */
            reason: corral.v1.ReleaseReason;

            /**
             * Creates a new AcceptDone instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AcceptDone instance
             */
            static create(properties: corral.v1.AcceptDone.$Shape): corral.v1.AcceptDone & corral.v1.AcceptDone.$Shape;
            static create(properties?: corral.v1.AcceptDone.$Properties): corral.v1.AcceptDone;

            /**
             * Encodes the specified AcceptDone message. Does not implicitly {@link corral.v1.AcceptDone.verify|verify} messages.
             * @param message AcceptDone message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.AcceptDone.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AcceptDone message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.AcceptDone & corral.v1.AcceptDone.$Shape} AcceptDone
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.AcceptDone & corral.v1.AcceptDone.$Shape;

            /**
             * Creates an AcceptDone message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AcceptDone
             */
            static fromObject(object: { [k: string]: any }): corral.v1.AcceptDone;

            /**
             * Creates a plain object from an AcceptDone message. Also converts values to other types if specified.
             * @param message AcceptDone
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.AcceptDone, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AcceptDone to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AcceptDone {

            /** Properties of an AcceptDone. */
            interface $Properties {

                /** AcceptDone grantId */
                grantId?: (number|null);

                /** AcceptDone listener */
                listener?: (number|null);

                /** AcceptDone accepted */
                accepted?: (number|null);

                /** AcceptDone wouldBlock */
                wouldBlock?: (number|null);

                /** AcceptDone inFlight */
                inFlight?: (number|null);

                /** AcceptDone reason */
                reason?: (corral.v1.ReleaseReason|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AcceptDone. */
            type $Shape = corral.v1.AcceptDone.$Properties;
        }

        /**
         * Properties of an AcceptRevoke.
         * @deprecated Use corral.v1.AcceptRevoke.$Properties instead.
         */
        interface IAcceptRevoke extends corral.v1.AcceptRevoke.$Properties {
        }

        /** Represents an AcceptRevoke. */
        class AcceptRevoke {

            /**
             * Constructs a new AcceptRevoke.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.AcceptRevoke.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AcceptRevoke grantId. */
            grantId: number;

            /** AcceptRevoke listener. */
            listener: number;

            /**
             * Creates a new AcceptRevoke instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AcceptRevoke instance
             */
            static create(properties: corral.v1.AcceptRevoke.$Shape): corral.v1.AcceptRevoke & corral.v1.AcceptRevoke.$Shape;
            static create(properties?: corral.v1.AcceptRevoke.$Properties): corral.v1.AcceptRevoke;

            /**
             * Encodes the specified AcceptRevoke message. Does not implicitly {@link corral.v1.AcceptRevoke.verify|verify} messages.
             * @param message AcceptRevoke message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.AcceptRevoke.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AcceptRevoke message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.AcceptRevoke & corral.v1.AcceptRevoke.$Shape} AcceptRevoke
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.AcceptRevoke & corral.v1.AcceptRevoke.$Shape;

            /**
             * Creates an AcceptRevoke message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AcceptRevoke
             */
            static fromObject(object: { [k: string]: any }): corral.v1.AcceptRevoke;

            /**
             * Creates a plain object from an AcceptRevoke message. Also converts values to other types if specified.
             * @param message AcceptRevoke
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.AcceptRevoke, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AcceptRevoke to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AcceptRevoke {

            /** Properties of an AcceptRevoke. */
            interface $Properties {

                /** AcceptRevoke grantId */
                grantId?: (number|null);

                /** AcceptRevoke listener */
                listener?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AcceptRevoke. */
            type $Shape = corral.v1.AcceptRevoke.$Properties;
        }

        /**
         * Properties of a ConnectionHandoff.
         * @deprecated Use corral.v1.ConnectionHandoff.$Properties instead.
         */
        interface IConnectionHandoff extends corral.v1.ConnectionHandoff.$Properties {
        }

        /** Represents a ConnectionHandoff. */
        class ConnectionHandoff {

            /**
             * Constructs a new ConnectionHandoff.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.ConnectionHandoff.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConnectionHandoff handoffId. */
            handoffId: number;

            /** ConnectionHandoff listener. */
            listener: number;

            /** ConnectionHandoff peer. */
            peer: string;

            /**
             * Creates a new ConnectionHandoff instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConnectionHandoff instance
             */
            static create(properties: corral.v1.ConnectionHandoff.$Shape): corral.v1.ConnectionHandoff & corral.v1.ConnectionHandoff.$Shape;
            static create(properties?: corral.v1.ConnectionHandoff.$Properties): corral.v1.ConnectionHandoff;

            /**
             * Encodes the specified ConnectionHandoff message. Does not implicitly {@link corral.v1.ConnectionHandoff.verify|verify} messages.
             * @param message ConnectionHandoff message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.ConnectionHandoff.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConnectionHandoff message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.ConnectionHandoff & corral.v1.ConnectionHandoff.$Shape} ConnectionHandoff
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.ConnectionHandoff & corral.v1.ConnectionHandoff.$Shape;

            /**
             * Creates a ConnectionHandoff message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ConnectionHandoff
             */
            static fromObject(object: { [k: string]: any }): corral.v1.ConnectionHandoff;

            /**
             * Creates a plain object from a ConnectionHandoff message. Also converts values to other types if specified.
             * @param message ConnectionHandoff
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.ConnectionHandoff, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ConnectionHandoff to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ConnectionHandoff {

            /** Properties of a ConnectionHandoff. */
            interface $Properties {

                /** ConnectionHandoff handoffId */
                handoffId?: (number|null);

                /** ConnectionHandoff listener */
                listener?: (number|null);

                /** ConnectionHandoff peer */
                peer?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConnectionHandoff. */
            type $Shape = corral.v1.ConnectionHandoff.$Properties;
        }

        /**
         * Properties of a HandoffAck.
         * @deprecated Use corral.v1.HandoffAck.$Properties instead.
         */
        interface IHandoffAck extends corral.v1.HandoffAck.$Properties {
        }

        /** Represents a HandoffAck. */
        class HandoffAck {

            /**
             * Constructs a new HandoffAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.HandoffAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HandoffAck handoffIds. */
            handoffIds: number[];

            /** HandoffAck inFlight. */
            inFlight: number;

            /** HandoffAck refusedIds. */
            refusedIds: number[];

            /**
             * Creates a new HandoffAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HandoffAck instance
             */
            static create(properties: corral.v1.HandoffAck.$Shape): corral.v1.HandoffAck & corral.v1.HandoffAck.$Shape;
            static create(properties?: corral.v1.HandoffAck.$Properties): corral.v1.HandoffAck;

            /**
             * Encodes the specified HandoffAck message. Does not implicitly {@link corral.v1.HandoffAck.verify|verify} messages.
             * @param message HandoffAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.HandoffAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HandoffAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.HandoffAck & corral.v1.HandoffAck.$Shape} HandoffAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.HandoffAck & corral.v1.HandoffAck.$Shape;

            /**
             * Creates a HandoffAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HandoffAck
             */
            static fromObject(object: { [k: string]: any }): corral.v1.HandoffAck;

            /**
             * Creates a plain object from a HandoffAck message. Also converts values to other types if specified.
             * @param message HandoffAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.HandoffAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HandoffAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HandoffAck {

            /** Properties of a HandoffAck. */
            interface $Properties {

                /** HandoffAck handoffIds */
                handoffIds?: (number[]|null);

                /** HandoffAck inFlight */
                inFlight?: (number|null);

                /** HandoffAck refusedIds */
                refusedIds?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HandoffAck. */
            type $Shape = corral.v1.HandoffAck.$Properties;
        }

        /**
         * Properties of a Drain.
         * @deprecated Use corral.v1.Drain.$Properties instead.
         */
        interface IDrain extends corral.v1.Drain.$Properties {
        }

        /** Represents a Drain. */
        class Drain {

            /**
             * Constructs a new Drain.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Drain.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Drain deadlineMs. */
            deadlineMs: number;

            /** Drain reason. */
            reason: string;

            /**
             * Creates a new Drain instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Drain instance
             */
            static create(properties: corral.v1.Drain.$Shape): corral.v1.Drain & corral.v1.Drain.$Shape;
            static create(properties?: corral.v1.Drain.$Properties): corral.v1.Drain;

            /**
             * Encodes the specified Drain message. Does not implicitly {@link corral.v1.Drain.verify|verify} messages.
             * @param message Drain message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Drain.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Drain message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Drain & corral.v1.Drain.$Shape} Drain
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Drain & corral.v1.Drain.$Shape;

            /**
             * Creates a Drain message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Drain
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Drain;

            /**
             * Creates a plain object from a Drain message. Also converts values to other types if specified.
             * @param message Drain
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Drain, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Drain to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Drain {

            /** Properties of a Drain. */
            interface $Properties {

                /** Drain deadlineMs */
                deadlineMs?: (number|null);

                /** Drain reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Drain. */
            type $Shape = corral.v1.Drain.$Properties;
        }

        /**
         * Properties of a Stop.
         * @deprecated Use corral.v1.Stop.$Properties instead.
         */
        interface IStop extends corral.v1.Stop.$Properties {
        }

        /** Represents a Stop. */
        class Stop {

            /**
             * Constructs a new Stop.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Stop.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Stop reason. */
            reason: string;

            /**
             * Creates a new Stop instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Stop instance
             */
            static create(properties: corral.v1.Stop.$Shape): corral.v1.Stop & corral.v1.Stop.$Shape;
            static create(properties?: corral.v1.Stop.$Properties): corral.v1.Stop;

            /**
             * Encodes the specified Stop message. Does not implicitly {@link corral.v1.Stop.verify|verify} messages.
             * @param message Stop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Stop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Stop message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Stop & corral.v1.Stop.$Shape} Stop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Stop & corral.v1.Stop.$Shape;

            /**
             * Creates a Stop message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Stop
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Stop;

            /**
             * Creates a plain object from a Stop message. Also converts values to other types if specified.
             * @param message Stop
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Stop, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Stop to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Stop {

            /** Properties of a Stop. */
            interface $Properties {

                /** Stop reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Stop. */
            type $Shape = corral.v1.Stop.$Properties;
        }

        /** GoodbyeReason enum. */
        enum GoodbyeReason {

            /** GOODBYE_REASON_UNSPECIFIED value */
            GOODBYE_REASON_UNSPECIFIED = 0,

            /** GOODBYE_REASON_DRAINED value */
            GOODBYE_REASON_DRAINED = 1,

            /** GOODBYE_REASON_STOPPED value */
            GOODBYE_REASON_STOPPED = 2,

            /** GOODBYE_REASON_SIGNAL value */
            GOODBYE_REASON_SIGNAL = 3,

            /** GOODBYE_REASON_ERROR value */
            GOODBYE_REASON_ERROR = 4,

            /** GOODBYE_REASON_MAX_CONNECTIONS value */
            GOODBYE_REASON_MAX_CONNECTIONS = 5
        }

        /**
         * Properties of a Goodbye.
         * @deprecated Use corral.v1.Goodbye.$Properties instead.
         */
        interface IGoodbye extends corral.v1.Goodbye.$Properties {
        }

        /** Represents a Goodbye. */
        class Goodbye {

            /**
             * Constructs a new Goodbye.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Goodbye.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Goodbye reason. */
            reason: corral.v1.GoodbyeReason;

            /** Goodbye detail. */
            detail: string;

            /** Goodbye acceptedTotal. */
            acceptedTotal: number;

            /**
             * Creates a new Goodbye instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Goodbye instance
             */
            static create(properties: corral.v1.Goodbye.$Shape): corral.v1.Goodbye & corral.v1.Goodbye.$Shape;
            static create(properties?: corral.v1.Goodbye.$Properties): corral.v1.Goodbye;

            /**
             * Encodes the specified Goodbye message. Does not implicitly {@link corral.v1.Goodbye.verify|verify} messages.
             * @param message Goodbye message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Goodbye.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Goodbye message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Goodbye & corral.v1.Goodbye.$Shape} Goodbye
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Goodbye & corral.v1.Goodbye.$Shape;

            /**
             * Creates a Goodbye message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Goodbye
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Goodbye;

            /**
             * Creates a plain object from a Goodbye message. Also converts values to other types if specified.
             * @param message Goodbye
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Goodbye, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Goodbye to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Goodbye {

            /** Properties of a Goodbye. */
            interface $Properties {

                /** Goodbye reason */
                reason?: (corral.v1.GoodbyeReason|null);

                /** Goodbye detail */
                detail?: (string|null);

                /** Goodbye acceptedTotal */
                acceptedTotal?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Goodbye. */
            type $Shape = corral.v1.Goodbye.$Properties;
        }

        /** ErrorCode enum. */
        enum ErrorCode {

            /** ERROR_CODE_UNSPECIFIED value */
            ERROR_CODE_UNSPECIFIED = 0,

            /** ERROR_CODE_FRAME_TOO_LARGE value */
            ERROR_CODE_FRAME_TOO_LARGE = 100,

            /** ERROR_CODE_FRAME_EMPTY value */
            ERROR_CODE_FRAME_EMPTY = 101,

            /** ERROR_CODE_FRAME_TRUNCATED value */
            ERROR_CODE_FRAME_TRUNCATED = 102,

            /** ERROR_CODE_DECODE value */
            ERROR_CODE_DECODE = 103,

            /** ERROR_CODE_UNKNOWN_MESSAGE value */
            ERROR_CODE_UNKNOWN_MESSAGE = 200,

            /** ERROR_CODE_UNEXPECTED_MESSAGE value */
            ERROR_CODE_UNEXPECTED_MESSAGE = 201,

            /** ERROR_CODE_VERSION_MISMATCH value */
            ERROR_CODE_VERSION_MISMATCH = 202,

            /** ERROR_CODE_HANDSHAKE_TIMEOUT value */
            ERROR_CODE_HANDSHAKE_TIMEOUT = 203,

            /** ERROR_CODE_HEARTBEAT_TIMEOUT value */
            ERROR_CODE_HEARTBEAT_TIMEOUT = 204,

            /** ERROR_CODE_FLOOD value */
            ERROR_CODE_FLOOD = 205,

            /** ERROR_CODE_INVALID_FIELD value */
            ERROR_CODE_INVALID_FIELD = 206,

            /** ERROR_CODE_GRANT_VIOLATION value */
            ERROR_CODE_GRANT_VIOLATION = 207,

            /** ERROR_CODE_UNSUPPORTED_FEATURE value */
            ERROR_CODE_UNSUPPORTED_FEATURE = 208,

            /** ERROR_CODE_TASK_UNKNOWN value */
            ERROR_CODE_TASK_UNKNOWN = 300,

            /** ERROR_CODE_TASK_TIMEOUT value */
            ERROR_CODE_TASK_TIMEOUT = 301,

            /** ERROR_CODE_TASK_CANCELLED value */
            ERROR_CODE_TASK_CANCELLED = 302,

            /** ERROR_CODE_TASK_FAILED value */
            ERROR_CODE_TASK_FAILED = 303,

            /** ERROR_CODE_TASK_OVERLOADED value */
            ERROR_CODE_TASK_OVERLOADED = 304,

            /** ERROR_CODE_DUPLICATE_REQUEST value */
            ERROR_CODE_DUPLICATE_REQUEST = 305,

            /** ERROR_CODE_TASK_WORKER_LOST value */
            ERROR_CODE_TASK_WORKER_LOST = 306,

            /** ERROR_CODE_APP_LOAD value */
            ERROR_CODE_APP_LOAD = 400,

            /** ERROR_CODE_INTERNAL value */
            ERROR_CODE_INTERNAL = 401
        }

        /**
         * Properties of an Error.
         * @deprecated Use corral.v1.Error.$Properties instead.
         */
        interface IError extends corral.v1.Error.$Properties {
        }

        /** Represents an Error. */
        class Error {

            /**
             * Constructs a new Error.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Error.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Error code. */
            code: number;

            /** Error message. */
            message: string;

            /** Error fatal. */
            fatal: boolean;

            /** Error requestId. */
            requestId: number;

            /** Error messageType. */
            messageType: number;

            /**
             * Creates a new Error instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Error instance
             */
            static create(properties: corral.v1.Error.$Shape): corral.v1.Error & corral.v1.Error.$Shape;
            static create(properties?: corral.v1.Error.$Properties): corral.v1.Error;

            /**
             * Encodes the specified Error message. Does not implicitly {@link corral.v1.Error.verify|verify} messages.
             * @param message Error message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Error & corral.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Error & corral.v1.Error.$Shape;

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Error
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Error;

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @param message Error
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Error to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Error {

            /** Properties of an Error. */
            interface $Properties {

                /** Error code */
                code?: (number|null);

                /** Error message */
                message?: (string|null);

                /** Error fatal */
                fatal?: (boolean|null);

                /** Error requestId */
                requestId?: (number|null);

                /** Error messageType */
                messageType?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Error. */
            type $Shape = corral.v1.Error.$Properties;
        }

        /**
         * Properties of an Execute.
         * @deprecated Use corral.v1.Execute.$Properties instead.
         */
        interface IExecute extends corral.v1.Execute.$Properties {
        }

        /** Represents an Execute. */
        class Execute {

            /**
             * Constructs a new Execute.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Execute.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Execute requestId. */
            requestId: number;

            /** Execute name. */
            name: string;

            /** Execute payload. */
            payload: Uint8Array;

            /** Execute deadlineMs. */
            deadlineMs: number;

            /** Execute contentType. */
            contentType: string;

            /** Execute window. */
            window: number;

            /** Execute idempotent. */
            idempotent: boolean;

            /** Execute meta. */
            meta: { [k: string]: string };

            /**
             * Creates a new Execute instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Execute instance
             */
            static create(properties: corral.v1.Execute.$Shape): corral.v1.Execute & corral.v1.Execute.$Shape;
            static create(properties?: corral.v1.Execute.$Properties): corral.v1.Execute;

            /**
             * Encodes the specified Execute message. Does not implicitly {@link corral.v1.Execute.verify|verify} messages.
             * @param message Execute message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Execute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Execute message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Execute & corral.v1.Execute.$Shape} Execute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Execute & corral.v1.Execute.$Shape;

            /**
             * Creates an Execute message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Execute
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Execute;

            /**
             * Creates a plain object from an Execute message. Also converts values to other types if specified.
             * @param message Execute
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Execute, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Execute to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Execute {

            /** Properties of an Execute. */
            interface $Properties {

                /** Execute requestId */
                requestId?: (number|null);

                /** Execute name */
                name?: (string|null);

                /** Execute payload */
                payload?: (Uint8Array|null);

                /** Execute deadlineMs */
                deadlineMs?: (number|null);

                /** Execute contentType */
                contentType?: (string|null);

                /** Execute window */
                window?: (number|null);

                /** Execute idempotent */
                idempotent?: (boolean|null);

                /** Execute meta */
                meta?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Execute. */
            type $Shape = corral.v1.Execute.$Properties;
        }

        /**
         * Properties of a Result.
         * @deprecated Use corral.v1.Result.$Properties instead.
         */
        interface IResult extends corral.v1.Result.$Properties {
        }

        /** Represents a Result. */
        class Result {

            /**
             * Constructs a new Result.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Result.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Result requestId. */
            requestId: number;

            /** Result payload. */
            payload: Uint8Array;

            /** Result contentType. */
            contentType: string;

            /**
             * Creates a new Result instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Result instance
             */
            static create(properties: corral.v1.Result.$Shape): corral.v1.Result & corral.v1.Result.$Shape;
            static create(properties?: corral.v1.Result.$Properties): corral.v1.Result;

            /**
             * Encodes the specified Result message. Does not implicitly {@link corral.v1.Result.verify|verify} messages.
             * @param message Result message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Result.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Result message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Result & corral.v1.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Result & corral.v1.Result.$Shape;

            /**
             * Creates a Result message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Result
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Result;

            /**
             * Creates a plain object from a Result message. Also converts values to other types if specified.
             * @param message Result
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Result, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Result to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Result {

            /** Properties of a Result. */
            interface $Properties {

                /** Result requestId */
                requestId?: (number|null);

                /** Result payload */
                payload?: (Uint8Array|null);

                /** Result contentType */
                contentType?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Result. */
            type $Shape = corral.v1.Result.$Properties;
        }

        /**
         * Properties of a Chunk.
         * @deprecated Use corral.v1.Chunk.$Properties instead.
         */
        interface IChunk extends corral.v1.Chunk.$Properties {
        }

        /** Represents a Chunk. */
        class Chunk {

            /**
             * Constructs a new Chunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Chunk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Chunk requestId. */
            requestId: number;

            /** Chunk seq. */
            seq: number;

            /** Chunk payload. */
            payload: Uint8Array;

            /**
             * Creates a new Chunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Chunk instance
             */
            static create(properties: corral.v1.Chunk.$Shape): corral.v1.Chunk & corral.v1.Chunk.$Shape;
            static create(properties?: corral.v1.Chunk.$Properties): corral.v1.Chunk;

            /**
             * Encodes the specified Chunk message. Does not implicitly {@link corral.v1.Chunk.verify|verify} messages.
             * @param message Chunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Chunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Chunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Chunk & corral.v1.Chunk.$Shape} Chunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Chunk & corral.v1.Chunk.$Shape;

            /**
             * Creates a Chunk message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Chunk
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Chunk;

            /**
             * Creates a plain object from a Chunk message. Also converts values to other types if specified.
             * @param message Chunk
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Chunk, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Chunk to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Chunk {

            /** Properties of a Chunk. */
            interface $Properties {

                /** Chunk requestId */
                requestId?: (number|null);

                /** Chunk seq */
                seq?: (number|null);

                /** Chunk payload */
                payload?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Chunk. */
            type $Shape = corral.v1.Chunk.$Properties;
        }

        /**
         * Properties of an End.
         * @deprecated Use corral.v1.End.$Properties instead.
         */
        interface IEnd extends corral.v1.End.$Properties {
        }

        /** Represents an End. */
        class End {

            /**
             * Constructs a new End.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.End.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** End requestId. */
            requestId: number;

            /** End chunks. */
            chunks: number;

            /**
             * Creates a new End instance using the specified properties.
             * @param [properties] Properties to set
             * @returns End instance
             */
            static create(properties: corral.v1.End.$Shape): corral.v1.End & corral.v1.End.$Shape;
            static create(properties?: corral.v1.End.$Properties): corral.v1.End;

            /**
             * Encodes the specified End message. Does not implicitly {@link corral.v1.End.verify|verify} messages.
             * @param message End message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.End.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an End message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.End & corral.v1.End.$Shape} End
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.End & corral.v1.End.$Shape;

            /**
             * Creates an End message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns End
             */
            static fromObject(object: { [k: string]: any }): corral.v1.End;

            /**
             * Creates a plain object from an End message. Also converts values to other types if specified.
             * @param message End
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.End, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this End to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace End {

            /** Properties of an End. */
            interface $Properties {

                /** End requestId */
                requestId?: (number|null);

                /** End chunks */
                chunks?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an End. */
            type $Shape = corral.v1.End.$Properties;
        }

        /**
         * Properties of a Cancel.
         * @deprecated Use corral.v1.Cancel.$Properties instead.
         */
        interface ICancel extends corral.v1.Cancel.$Properties {
        }

        /** Represents a Cancel. */
        class Cancel {

            /**
             * Constructs a new Cancel.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Cancel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Cancel requestId. */
            requestId: number;

            /** Cancel reason. */
            reason: string;

            /**
             * Creates a new Cancel instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Cancel instance
             */
            static create(properties: corral.v1.Cancel.$Shape): corral.v1.Cancel & corral.v1.Cancel.$Shape;
            static create(properties?: corral.v1.Cancel.$Properties): corral.v1.Cancel;

            /**
             * Encodes the specified Cancel message. Does not implicitly {@link corral.v1.Cancel.verify|verify} messages.
             * @param message Cancel message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Cancel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Cancel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Cancel & corral.v1.Cancel.$Shape} Cancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Cancel & corral.v1.Cancel.$Shape;

            /**
             * Creates a Cancel message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Cancel
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Cancel;

            /**
             * Creates a plain object from a Cancel message. Also converts values to other types if specified.
             * @param message Cancel
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Cancel, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Cancel to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Cancel {

            /** Properties of a Cancel. */
            interface $Properties {

                /** Cancel requestId */
                requestId?: (number|null);

                /** Cancel reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Cancel. */
            type $Shape = corral.v1.Cancel.$Properties;
        }

        /**
         * Properties of a Credit.
         * @deprecated Use corral.v1.Credit.$Properties instead.
         */
        interface ICredit extends corral.v1.Credit.$Properties {
        }

        /** Represents a Credit. */
        class Credit {

            /**
             * Constructs a new Credit.
             * @param [properties] Properties to set
             */
            constructor(properties?: corral.v1.Credit.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Credit requestId. */
            requestId: number;

            /** Credit chunks. */
            chunks: number;

            /**
             * Creates a new Credit instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Credit instance
             */
            static create(properties: corral.v1.Credit.$Shape): corral.v1.Credit & corral.v1.Credit.$Shape;
            static create(properties?: corral.v1.Credit.$Properties): corral.v1.Credit;

            /**
             * Encodes the specified Credit message. Does not implicitly {@link corral.v1.Credit.verify|verify} messages.
             * @param message Credit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: corral.v1.Credit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Credit message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {corral.v1.Credit & corral.v1.Credit.$Shape} Credit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.v1.Credit & corral.v1.Credit.$Shape;

            /**
             * Creates a Credit message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Credit
             */
            static fromObject(object: { [k: string]: any }): corral.v1.Credit;

            /**
             * Creates a plain object from a Credit message. Also converts values to other types if specified.
             * @param message Credit
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: corral.v1.Credit, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Credit to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Credit {

            /** Properties of a Credit. */
            interface $Properties {

                /** Credit requestId */
                requestId?: (number|null);

                /** Credit chunks */
                chunks?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Credit. */
            type $Shape = corral.v1.Credit.$Properties;
        }
    }
}
