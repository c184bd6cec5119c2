import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace corral. */
export namespace corral {

    /** Namespace control. */
    namespace control {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of a ControlRequest.
             * @deprecated Use corral.control.v1.ControlRequest.$Properties instead.
             */
            interface IControlRequest extends corral.control.v1.ControlRequest.$Properties {
            }

            /** Represents a ControlRequest. */
            class ControlRequest {

                /**
                 * Constructs a new ControlRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.ControlRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ControlRequest requestId. */
                requestId: number;

                /** ControlRequest status. */
                status?: (corral.control.v1.StatusRequest.$Properties|null);

                /** ControlRequest scale. */
                scale?: (corral.control.v1.ScaleRequest.$Properties|null);

                /** ControlRequest reload. */
                reload?: (corral.control.v1.ReloadRequest.$Properties|null);

                /** ControlRequest stop. */
                stop?: (corral.control.v1.StopRequest.$Properties|null);

                /** ControlRequest reopenLogs. */
                reopenLogs?: (corral.control.v1.ReopenLogsRequest.$Properties|null);

                /** ControlRequest tasks. */
                tasks?: (corral.control.v1.TasksRequest.$Properties|null);

                /** ControlRequest jobs. */
                jobs?: (corral.control.v1.JobsRequest.$Properties|null);

                /** ControlRequest action. */
                action?: ("status"|"scale"|"reload"|"stop"|"reopenLogs"|"tasks"|"jobs");

                /**
                 * Creates a new ControlRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ControlRequest instance
                 */
                static create(properties: corral.control.v1.ControlRequest.$Shape): corral.control.v1.ControlRequest & corral.control.v1.ControlRequest.$Shape;
                static create(properties?: corral.control.v1.ControlRequest.$Properties): corral.control.v1.ControlRequest;

                /**
                 * Encodes the specified ControlRequest message. Does not implicitly {@link corral.control.v1.ControlRequest.verify|verify} messages.
                 * @param message ControlRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.ControlRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ControlRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.ControlRequest & corral.control.v1.ControlRequest.$Shape} ControlRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.ControlRequest & corral.control.v1.ControlRequest.$Shape;

                /**
                 * Creates a ControlRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ControlRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.ControlRequest;

                /**
                 * Creates a plain object from a ControlRequest message. Also converts values to other types if specified.
                 * @param message ControlRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.ControlRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ControlRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ControlRequest {

                /** Properties of a ControlRequest. */
                interface $Properties {

                    /** ControlRequest requestId */
                    requestId?: (number|null);

                    /** ControlRequest status */
                    status?: (corral.control.v1.StatusRequest.$Properties|null);

                    /** ControlRequest scale */
                    scale?: (corral.control.v1.ScaleRequest.$Properties|null);

                    /** ControlRequest reload */
                    reload?: (corral.control.v1.ReloadRequest.$Properties|null);

                    /** ControlRequest stop */
                    stop?: (corral.control.v1.StopRequest.$Properties|null);

                    /** ControlRequest reopenLogs */
                    reopenLogs?: (corral.control.v1.ReopenLogsRequest.$Properties|null);

                    /** ControlRequest tasks */
                    tasks?: (corral.control.v1.TasksRequest.$Properties|null);

                    /** ControlRequest jobs */
                    jobs?: (corral.control.v1.JobsRequest.$Properties|null);

                    /** ControlRequest action */
                    action?: ("status"|"scale"|"reload"|"stop"|"reopenLogs"|"tasks"|"jobs");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ControlRequest. */
                type $Shape = {
                  requestId?: number|null;
                  status?: corral.control.v1.StatusRequest.$Shape|null;
                  scale?: corral.control.v1.ScaleRequest.$Shape|null;
                  reload?: corral.control.v1.ReloadRequest.$Shape|null;
                  stop?: corral.control.v1.StopRequest.$Shape|null;
                  reopenLogs?: corral.control.v1.ReopenLogsRequest.$Shape|null;
                  tasks?: corral.control.v1.TasksRequest.$Shape|null;
                  jobs?: corral.control.v1.JobsRequest.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ action?: undefined; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "status"; status: corral.control.v1.StatusRequest.$Shape; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "scale"; status?: null; scale: corral.control.v1.ScaleRequest.$Shape; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "reload"; status?: null; scale?: null; reload: corral.control.v1.ReloadRequest.$Shape; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "stop"; status?: null; scale?: null; reload?: null; stop: corral.control.v1.StopRequest.$Shape; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "reopenLogs"; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs: corral.control.v1.ReopenLogsRequest.$Shape; tasks?: null; jobs?: null }|{ action?: "tasks"; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks: corral.control.v1.TasksRequest.$Shape; jobs?: null }|{ action?: "jobs"; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs: corral.control.v1.JobsRequest.$Shape })
                );
            }

            /**
             * Properties of a StatusRequest.
             * @deprecated Use corral.control.v1.StatusRequest.$Properties instead.
             */
            interface IStatusRequest extends corral.control.v1.StatusRequest.$Properties {
            }

            /** Represents a StatusRequest. */
            class StatusRequest {

                /**
                 * Constructs a new StatusRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.StatusRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** StatusRequest histograms. */
                histograms: boolean;

                /**
                 * Creates a new StatusRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns StatusRequest instance
                 */
                static create(properties: corral.control.v1.StatusRequest.$Shape): corral.control.v1.StatusRequest & corral.control.v1.StatusRequest.$Shape;
                static create(properties?: corral.control.v1.StatusRequest.$Properties): corral.control.v1.StatusRequest;

                /**
                 * Encodes the specified StatusRequest message. Does not implicitly {@link corral.control.v1.StatusRequest.verify|verify} messages.
                 * @param message StatusRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.StatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StatusRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.StatusRequest & corral.control.v1.StatusRequest.$Shape} StatusRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.StatusRequest & corral.control.v1.StatusRequest.$Shape;

                /**
                 * Creates a StatusRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns StatusRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.StatusRequest;

                /**
                 * Creates a plain object from a StatusRequest message. Also converts values to other types if specified.
                 * @param message StatusRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.StatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this StatusRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace StatusRequest {

                /** Properties of a StatusRequest. */
                interface $Properties {

                    /** StatusRequest histograms */
                    histograms?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a StatusRequest. */
                type $Shape = corral.control.v1.StatusRequest.$Properties;
            }

            /**
             * Properties of a ScaleRequest.
             * @deprecated Use corral.control.v1.ScaleRequest.$Properties instead.
             */
            interface IScaleRequest extends corral.control.v1.ScaleRequest.$Properties {
            }

            /** Represents a ScaleRequest. */
            class ScaleRequest {

                /**
                 * Constructs a new ScaleRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.ScaleRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ScaleRequest kind. */
                kind: corral.control.v1.WorkerKind;

                /** ScaleRequest workers. */
                workers: number;

                /** ScaleRequest app. */
                app: string;

                /**
                 * Creates a new ScaleRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ScaleRequest instance
                 */
                static create(properties: corral.control.v1.ScaleRequest.$Shape): corral.control.v1.ScaleRequest & corral.control.v1.ScaleRequest.$Shape;
                static create(properties?: corral.control.v1.ScaleRequest.$Properties): corral.control.v1.ScaleRequest;

                /**
                 * Encodes the specified ScaleRequest message. Does not implicitly {@link corral.control.v1.ScaleRequest.verify|verify} messages.
                 * @param message ScaleRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.ScaleRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ScaleRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.ScaleRequest & corral.control.v1.ScaleRequest.$Shape} ScaleRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.ScaleRequest & corral.control.v1.ScaleRequest.$Shape;

                /**
                 * Creates a ScaleRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ScaleRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.ScaleRequest;

                /**
                 * Creates a plain object from a ScaleRequest message. Also converts values to other types if specified.
                 * @param message ScaleRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.ScaleRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ScaleRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ScaleRequest {

                /** Properties of a ScaleRequest. */
                interface $Properties {

                    /** ScaleRequest kind */
                    kind?: (corral.control.v1.WorkerKind|null);

                    /** ScaleRequest workers */
                    workers?: (number|null);

                    /** ScaleRequest app */
                    app?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ScaleRequest. */
                type $Shape = corral.control.v1.ScaleRequest.$Properties;
            }

            /**
             * Properties of a ReloadRequest.
             * @deprecated Use corral.control.v1.ReloadRequest.$Properties instead.
             */
            interface IReloadRequest extends corral.control.v1.ReloadRequest.$Properties {
            }

            /** Represents a ReloadRequest. */
            class ReloadRequest {

                /**
                 * Constructs a new ReloadRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.ReloadRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new ReloadRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ReloadRequest instance
                 */
                static create(properties: corral.control.v1.ReloadRequest.$Shape): corral.control.v1.ReloadRequest & corral.control.v1.ReloadRequest.$Shape;
                static create(properties?: corral.control.v1.ReloadRequest.$Properties): corral.control.v1.ReloadRequest;

                /**
                 * Encodes the specified ReloadRequest message. Does not implicitly {@link corral.control.v1.ReloadRequest.verify|verify} messages.
                 * @param message ReloadRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.ReloadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ReloadRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.ReloadRequest & corral.control.v1.ReloadRequest.$Shape} ReloadRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.ReloadRequest & corral.control.v1.ReloadRequest.$Shape;

                /**
                 * Creates a ReloadRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ReloadRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.ReloadRequest;

                /**
                 * Creates a plain object from a ReloadRequest message. Also converts values to other types if specified.
                 * @param message ReloadRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.ReloadRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ReloadRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ReloadRequest {

                /** Properties of a ReloadRequest. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ReloadRequest. */
                type $Shape = corral.control.v1.ReloadRequest.$Properties;
            }

            /**
             * Properties of a StopRequest.
             * @deprecated Use corral.control.v1.StopRequest.$Properties instead.
             */
            interface IStopRequest extends corral.control.v1.StopRequest.$Properties {
            }

            /** Represents a StopRequest. */
            class StopRequest {

                /**
                 * Constructs a new StopRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.StopRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** StopRequest graceful. */
                graceful: boolean;

                /**
                 * Creates a new StopRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns StopRequest instance
                 */
                static create(properties: corral.control.v1.StopRequest.$Shape): corral.control.v1.StopRequest & corral.control.v1.StopRequest.$Shape;
                static create(properties?: corral.control.v1.StopRequest.$Properties): corral.control.v1.StopRequest;

                /**
                 * Encodes the specified StopRequest message. Does not implicitly {@link corral.control.v1.StopRequest.verify|verify} messages.
                 * @param message StopRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.StopRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StopRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.StopRequest & corral.control.v1.StopRequest.$Shape} StopRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.StopRequest & corral.control.v1.StopRequest.$Shape;

                /**
                 * Creates a StopRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns StopRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.StopRequest;

                /**
                 * Creates a plain object from a StopRequest message. Also converts values to other types if specified.
                 * @param message StopRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.StopRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this StopRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace StopRequest {

                /** Properties of a StopRequest. */
                interface $Properties {

                    /** StopRequest graceful */
                    graceful?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a StopRequest. */
                type $Shape = corral.control.v1.StopRequest.$Properties;
            }

            /**
             * Properties of a ReopenLogsRequest.
             * @deprecated Use corral.control.v1.ReopenLogsRequest.$Properties instead.
             */
            interface IReopenLogsRequest extends corral.control.v1.ReopenLogsRequest.$Properties {
            }

            /** Represents a ReopenLogsRequest. */
            class ReopenLogsRequest {

                /**
                 * Constructs a new ReopenLogsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.ReopenLogsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new ReopenLogsRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ReopenLogsRequest instance
                 */
                static create(properties: corral.control.v1.ReopenLogsRequest.$Shape): corral.control.v1.ReopenLogsRequest & corral.control.v1.ReopenLogsRequest.$Shape;
                static create(properties?: corral.control.v1.ReopenLogsRequest.$Properties): corral.control.v1.ReopenLogsRequest;

                /**
                 * Encodes the specified ReopenLogsRequest message. Does not implicitly {@link corral.control.v1.ReopenLogsRequest.verify|verify} messages.
                 * @param message ReopenLogsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.ReopenLogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ReopenLogsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.ReopenLogsRequest & corral.control.v1.ReopenLogsRequest.$Shape} ReopenLogsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.ReopenLogsRequest & corral.control.v1.ReopenLogsRequest.$Shape;

                /**
                 * Creates a ReopenLogsRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ReopenLogsRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.ReopenLogsRequest;

                /**
                 * Creates a plain object from a ReopenLogsRequest message. Also converts values to other types if specified.
                 * @param message ReopenLogsRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.ReopenLogsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ReopenLogsRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ReopenLogsRequest {

                /** Properties of a ReopenLogsRequest. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ReopenLogsRequest. */
                type $Shape = corral.control.v1.ReopenLogsRequest.$Properties;
            }

            /**
             * Properties of a TasksRequest.
             * @deprecated Use corral.control.v1.TasksRequest.$Properties instead.
             */
            interface ITasksRequest extends corral.control.v1.TasksRequest.$Properties {
            }

            /** Represents a TasksRequest. */
            class TasksRequest {

                /**
                 * Constructs a new TasksRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.TasksRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new TasksRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TasksRequest instance
                 */
                static create(properties: corral.control.v1.TasksRequest.$Shape): corral.control.v1.TasksRequest & corral.control.v1.TasksRequest.$Shape;
                static create(properties?: corral.control.v1.TasksRequest.$Properties): corral.control.v1.TasksRequest;

                /**
                 * Encodes the specified TasksRequest message. Does not implicitly {@link corral.control.v1.TasksRequest.verify|verify} messages.
                 * @param message TasksRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.TasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TasksRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.TasksRequest & corral.control.v1.TasksRequest.$Shape} TasksRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.TasksRequest & corral.control.v1.TasksRequest.$Shape;

                /**
                 * Creates a TasksRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns TasksRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.TasksRequest;

                /**
                 * Creates a plain object from a TasksRequest message. Also converts values to other types if specified.
                 * @param message TasksRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.TasksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TasksRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace TasksRequest {

                /** Properties of a TasksRequest. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TasksRequest. */
                type $Shape = corral.control.v1.TasksRequest.$Properties;
            }

            /**
             * Properties of a JobsRequest.
             * @deprecated Use corral.control.v1.JobsRequest.$Properties instead.
             */
            interface IJobsRequest extends corral.control.v1.JobsRequest.$Properties {
            }

            /** Represents a JobsRequest. */
            class JobsRequest {

                /**
                 * Constructs a new JobsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.JobsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JobsRequest state. */
                state: string;

                /** JobsRequest app. */
                app: string;

                /** JobsRequest limit. */
                limit: number;

                /** JobsRequest id. */
                id: number;

                /**
                 * Creates a new JobsRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns JobsRequest instance
                 */
                static create(properties: corral.control.v1.JobsRequest.$Shape): corral.control.v1.JobsRequest & corral.control.v1.JobsRequest.$Shape;
                static create(properties?: corral.control.v1.JobsRequest.$Properties): corral.control.v1.JobsRequest;

                /**
                 * Encodes the specified JobsRequest message. Does not implicitly {@link corral.control.v1.JobsRequest.verify|verify} messages.
                 * @param message JobsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.JobsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JobsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.JobsRequest & corral.control.v1.JobsRequest.$Shape} JobsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.JobsRequest & corral.control.v1.JobsRequest.$Shape;

                /**
                 * Creates a JobsRequest message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns JobsRequest
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.JobsRequest;

                /**
                 * Creates a plain object from a JobsRequest message. Also converts values to other types if specified.
                 * @param message JobsRequest
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.JobsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this JobsRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace JobsRequest {

                /** Properties of a JobsRequest. */
                interface $Properties {

                    /** JobsRequest state */
                    state?: (string|null);

                    /** JobsRequest app */
                    app?: (string|null);

                    /** JobsRequest limit */
                    limit?: (number|null);

                    /** JobsRequest id */
                    id?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JobsRequest. */
                type $Shape = corral.control.v1.JobsRequest.$Properties;
            }

            /**
             * Properties of a ControlReply.
             * @deprecated Use corral.control.v1.ControlReply.$Properties instead.
             */
            interface IControlReply extends corral.control.v1.ControlReply.$Properties {
            }

            /** Represents a ControlReply. */
            class ControlReply {

                /**
                 * Constructs a new ControlReply.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.ControlReply.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ControlReply requestId. */
                requestId: number;

                /** ControlReply error. */
                error?: (corral.control.v1.ControlError.$Properties|null);

                /** ControlReply status. */
                status?: (corral.control.v1.PoolStatus.$Properties|null);

                /** ControlReply done. */
                done?: (corral.control.v1.Done.$Properties|null);

                /** ControlReply tasks. */
                tasks?: (corral.control.v1.TasksStatus.$Properties|null);

                /** ControlReply jobs. */
                jobs?: (corral.control.v1.JobList.$Properties|null);

                /** ControlReply body. */
                body?: ("status"|"done"|"tasks"|"jobs");

                /**
                 * Creates a new ControlReply instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ControlReply instance
                 */
                static create(properties: corral.control.v1.ControlReply.$Shape): corral.control.v1.ControlReply & corral.control.v1.ControlReply.$Shape;
                static create(properties?: corral.control.v1.ControlReply.$Properties): corral.control.v1.ControlReply;

                /**
                 * Encodes the specified ControlReply message. Does not implicitly {@link corral.control.v1.ControlReply.verify|verify} messages.
                 * @param message ControlReply message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.ControlReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ControlReply message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.ControlReply & corral.control.v1.ControlReply.$Shape} ControlReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.ControlReply & corral.control.v1.ControlReply.$Shape;

                /**
                 * Creates a ControlReply message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ControlReply
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.ControlReply;

                /**
                 * Creates a plain object from a ControlReply message. Also converts values to other types if specified.
                 * @param message ControlReply
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.ControlReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ControlReply to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ControlReply {

                /** Properties of a ControlReply. */
                interface $Properties {

                    /** ControlReply requestId */
                    requestId?: (number|null);

                    /** ControlReply error */
                    error?: (corral.control.v1.ControlError.$Properties|null);

                    /** ControlReply status */
                    status?: (corral.control.v1.PoolStatus.$Properties|null);

                    /** ControlReply done */
                    done?: (corral.control.v1.Done.$Properties|null);

                    /** ControlReply tasks */
                    tasks?: (corral.control.v1.TasksStatus.$Properties|null);

                    /** ControlReply jobs */
                    jobs?: (corral.control.v1.JobList.$Properties|null);

                    /** ControlReply body */
                    body?: ("status"|"done"|"tasks"|"jobs");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ControlReply. */
                type $Shape = {
                  requestId?: number|null;
                  error?: corral.control.v1.ControlError.$Shape|null;
                  status?: corral.control.v1.PoolStatus.$Shape|null;
                  done?: corral.control.v1.Done.$Shape|null;
                  tasks?: corral.control.v1.TasksStatus.$Shape|null;
                  jobs?: corral.control.v1.JobList.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ body?: undefined; status?: null; done?: null; tasks?: null; jobs?: null }|{ body?: "status"; status: corral.control.v1.PoolStatus.$Shape; done?: null; tasks?: null; jobs?: null }|{ body?: "done"; status?: null; done: corral.control.v1.Done.$Shape; tasks?: null; jobs?: null }|{ body?: "tasks"; status?: null; done?: null; tasks: corral.control.v1.TasksStatus.$Shape; jobs?: null }|{ body?: "jobs"; status?: null; done?: null; tasks?: null; jobs: corral.control.v1.JobList.$Shape })
                );
            }

            /**
             * Properties of a ControlError.
             * @deprecated Use corral.control.v1.ControlError.$Properties instead.
             */
            interface IControlError extends corral.control.v1.ControlError.$Properties {
            }

            /** Represents a ControlError. */
            class ControlError {

                /**
                 * Constructs a new ControlError.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.ControlError.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ControlError code. */
                code: string;

                /** ControlError message. */
                message: string;

                /**
                 * Creates a new ControlError instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ControlError instance
                 */
                static create(properties: corral.control.v1.ControlError.$Shape): corral.control.v1.ControlError & corral.control.v1.ControlError.$Shape;
                static create(properties?: corral.control.v1.ControlError.$Properties): corral.control.v1.ControlError;

                /**
                 * Encodes the specified ControlError message. Does not implicitly {@link corral.control.v1.ControlError.verify|verify} messages.
                 * @param message ControlError message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.ControlError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ControlError message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.ControlError & corral.control.v1.ControlError.$Shape} ControlError
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.ControlError & corral.control.v1.ControlError.$Shape;

                /**
                 * Creates a ControlError message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ControlError
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.ControlError;

                /**
                 * Creates a plain object from a ControlError message. Also converts values to other types if specified.
                 * @param message ControlError
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.ControlError, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ControlError to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ControlError {

                /** Properties of a ControlError. */
                interface $Properties {

                    /** ControlError code */
                    code?: (string|null);

                    /** ControlError message */
                    message?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ControlError. */
                type $Shape = corral.control.v1.ControlError.$Properties;
            }

            /**
             * Properties of a Done.
             * @deprecated Use corral.control.v1.Done.$Properties instead.
             */
            interface IDone extends corral.control.v1.Done.$Properties {
            }

            /** Represents a Done. */
            class Done {

                /**
                 * Constructs a new Done.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.Done.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Done message. */
                message: string;

                /**
                 * Creates a new Done instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Done instance
                 */
                static create(properties: corral.control.v1.Done.$Shape): corral.control.v1.Done & corral.control.v1.Done.$Shape;
                static create(properties?: corral.control.v1.Done.$Properties): corral.control.v1.Done;

                /**
                 * Encodes the specified Done message. Does not implicitly {@link corral.control.v1.Done.verify|verify} messages.
                 * @param message Done message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.Done.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Done message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.Done & corral.control.v1.Done.$Shape} Done
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.Done & corral.control.v1.Done.$Shape;

                /**
                 * Creates a Done message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Done
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.Done;

                /**
                 * Creates a plain object from a Done message. Also converts values to other types if specified.
                 * @param message Done
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.Done, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Done to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Done {

                /** Properties of a Done. */
                interface $Properties {

                    /** Done message */
                    message?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Done. */
                type $Shape = corral.control.v1.Done.$Properties;
            }

            /** WorkerKind enum. */
            enum WorkerKind {

                /** WORKER_KIND_UNSPECIFIED value */
                WORKER_KIND_UNSPECIFIED = 0,

                /** WORKER_KIND_SOCKET value */
                WORKER_KIND_SOCKET = 1,

                /** WORKER_KIND_TASK value */
                WORKER_KIND_TASK = 2
            }

            /**
             * Properties of a PoolStatus.
             * @deprecated Use corral.control.v1.PoolStatus.$Properties instead.
             */
            interface IPoolStatus extends corral.control.v1.PoolStatus.$Properties {
            }

            /** Represents a PoolStatus. */
            class PoolStatus {

                /**
                 * Constructs a new PoolStatus.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.PoolStatus.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PoolStatus controlVersion. */
                controlVersion: number;

                /** PoolStatus pid. */
                pid: number;

                /** PoolStatus implementation. */
                implementation: string;

                /** PoolStatus strategy. */
                strategy: string;

                /** PoolStatus generation. */
                generation: number;

                /** PoolStatus targetWorkers. */
                targetWorkers: number;

                /** PoolStatus targetTaskWorkers. */
                targetTaskWorkers: number;

                /** PoolStatus listeners. */
                listeners: string[];

                /** PoolStatus startedAtMs. */
                startedAtMs: number;

                /** PoolStatus uptimeMs. */
                uptimeMs: number;

                /** PoolStatus bootFailures. */
                bootFailures: number;

                /** PoolStatus state. */
                state: string;

                /** PoolStatus workers. */
                workers: corral.control.v1.WorkerStatus.$Properties[];

                /** PoolStatus restarts. */
                restarts: corral.control.v1.Restart.$Properties[];

                /** PoolStatus interval. */
                interval?: (corral.control.v1.Interval.$Properties|null);

                /** PoolStatus acceptedTotal. */
                acceptedTotal: number;

                /** PoolStatus latencyBoundsUs. */
                latencyBoundsUs: number[];

                /**
                 * Creates a new PoolStatus instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns PoolStatus instance
                 */
                static create(properties: corral.control.v1.PoolStatus.$Shape): corral.control.v1.PoolStatus & corral.control.v1.PoolStatus.$Shape;
                static create(properties?: corral.control.v1.PoolStatus.$Properties): corral.control.v1.PoolStatus;

                /**
                 * Encodes the specified PoolStatus message. Does not implicitly {@link corral.control.v1.PoolStatus.verify|verify} messages.
                 * @param message PoolStatus message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.PoolStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PoolStatus message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.PoolStatus & corral.control.v1.PoolStatus.$Shape} PoolStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.PoolStatus & corral.control.v1.PoolStatus.$Shape;

                /**
                 * Creates a PoolStatus message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns PoolStatus
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.PoolStatus;

                /**
                 * Creates a plain object from a PoolStatus message. Also converts values to other types if specified.
                 * @param message PoolStatus
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.PoolStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this PoolStatus to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace PoolStatus {

                /** Properties of a PoolStatus. */
                interface $Properties {

                    /** PoolStatus controlVersion */
                    controlVersion?: (number|null);

                    /** PoolStatus pid */
                    pid?: (number|null);

                    /** PoolStatus implementation */
                    implementation?: (string|null);

                    /** PoolStatus strategy */
                    strategy?: (string|null);

                    /** PoolStatus generation */
                    generation?: (number|null);

                    /** PoolStatus targetWorkers */
                    targetWorkers?: (number|null);

                    /** PoolStatus targetTaskWorkers */
                    targetTaskWorkers?: (number|null);

                    /** PoolStatus listeners */
                    listeners?: (string[]|null);

                    /** PoolStatus startedAtMs */
                    startedAtMs?: (number|null);

                    /** PoolStatus uptimeMs */
                    uptimeMs?: (number|null);

                    /** PoolStatus bootFailures */
                    bootFailures?: (number|null);

                    /** PoolStatus state */
                    state?: (string|null);

                    /** PoolStatus workers */
                    workers?: (corral.control.v1.WorkerStatus.$Properties[]|null);

                    /** PoolStatus restarts */
                    restarts?: (corral.control.v1.Restart.$Properties[]|null);

                    /** PoolStatus interval */
                    interval?: (corral.control.v1.Interval.$Properties|null);

                    /** PoolStatus acceptedTotal */
                    acceptedTotal?: (number|null);

                    /** PoolStatus latencyBoundsUs */
                    latencyBoundsUs?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PoolStatus. */
                type $Shape = corral.control.v1.PoolStatus.$Properties;
            }

            /**
             * Properties of a WorkerStatus.
             * @deprecated Use corral.control.v1.WorkerStatus.$Properties instead.
             */
            interface IWorkerStatus extends corral.control.v1.WorkerStatus.$Properties {
            }

            /** Represents a WorkerStatus. */
            class WorkerStatus {

                /**
                 * Constructs a new WorkerStatus.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.WorkerStatus.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** WorkerStatus id. */
                id: number;

                /** WorkerStatus kind. */
                kind: corral.control.v1.WorkerKind;

                /** WorkerStatus pid. */
                pid: number;

                /** WorkerStatus generation. */
                generation: number;

                /** WorkerStatus state. */
                state: string;

                /** WorkerStatus inFlight. */
                inFlight: number;

                /** WorkerStatus capacity. */
                capacity: number;

                /** WorkerStatus acceptedTotal. */
                acceptedTotal: number;

                /** WorkerStatus requestsTotal. */
                requestsTotal: number;

                /** WorkerStatus rssBytes. */
                rssBytes: number;

                /** WorkerStatus cpuUs. */
                cpuUs: number;

                /** WorkerStatus heartbeatAgeMs. */
                heartbeatAgeMs: number;

                /** WorkerStatus ageMs. */
                ageMs: number;

                /** WorkerStatus wakeupsTotal. */
                wakeupsTotal: number;

                /** WorkerStatus latencyCounts. */
                latencyCounts: number[];

                /** WorkerStatus jobsCompleted. */
                jobsCompleted: number;

                /** WorkerStatus cpuPermille. */
                cpuPermille: number;

                /** WorkerStatus acceptsPerSecond. */
                acceptsPerSecond: number;

                /** WorkerStatus p99Us. */
                p99Us: number;

                /**
                 * Creates a new WorkerStatus instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns WorkerStatus instance
                 */
                static create(properties: corral.control.v1.WorkerStatus.$Shape): corral.control.v1.WorkerStatus & corral.control.v1.WorkerStatus.$Shape;
                static create(properties?: corral.control.v1.WorkerStatus.$Properties): corral.control.v1.WorkerStatus;

                /**
                 * Encodes the specified WorkerStatus message. Does not implicitly {@link corral.control.v1.WorkerStatus.verify|verify} messages.
                 * @param message WorkerStatus message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.WorkerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a WorkerStatus message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.WorkerStatus & corral.control.v1.WorkerStatus.$Shape} WorkerStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.WorkerStatus & corral.control.v1.WorkerStatus.$Shape;

                /**
                 * Creates a WorkerStatus message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns WorkerStatus
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.WorkerStatus;

                /**
                 * Creates a plain object from a WorkerStatus message. Also converts values to other types if specified.
                 * @param message WorkerStatus
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.WorkerStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this WorkerStatus to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace WorkerStatus {

                /** Properties of a WorkerStatus. */
                interface $Properties {

                    /** WorkerStatus id */
                    id?: (number|null);

                    /** WorkerStatus kind */
                    kind?: (corral.control.v1.WorkerKind|null);

                    /** WorkerStatus pid */
                    pid?: (number|null);

                    /** WorkerStatus generation */
                    generation?: (number|null);

                    /** WorkerStatus state */
                    state?: (string|null);

                    /** WorkerStatus inFlight */
                    inFlight?: (number|null);

                    /** WorkerStatus capacity */
                    capacity?: (number|null);

                    /** WorkerStatus acceptedTotal */
                    acceptedTotal?: (number|null);

                    /** WorkerStatus requestsTotal */
                    requestsTotal?: (number|null);

                    /** WorkerStatus rssBytes */
                    rssBytes?: (number|null);

                    /** WorkerStatus cpuUs */
                    cpuUs?: (number|null);

                    /** WorkerStatus heartbeatAgeMs */
                    heartbeatAgeMs?: (number|null);

                    /** WorkerStatus ageMs */
                    ageMs?: (number|null);

                    /** WorkerStatus wakeupsTotal */
                    wakeupsTotal?: (number|null);

                    /** WorkerStatus latencyCounts */
                    latencyCounts?: (number[]|null);

                    /** WorkerStatus jobsCompleted */
                    jobsCompleted?: (number|null);

                    /** WorkerStatus cpuPermille */
                    cpuPermille?: (number|null);

                    /** WorkerStatus acceptsPerSecond */
                    acceptsPerSecond?: (number|null);

                    /** WorkerStatus p99Us */
                    p99Us?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a WorkerStatus. */
                type $Shape = corral.control.v1.WorkerStatus.$Properties;
            }

            /**
             * Properties of a Restart.
             * @deprecated Use corral.control.v1.Restart.$Properties instead.
             */
            interface IRestart extends corral.control.v1.Restart.$Properties {
            }

            /** Represents a Restart. */
            class Restart {

                /**
                 * Constructs a new Restart.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.Restart.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Restart reason. */
                reason: string;

                /** Restart count. */
                count: number;

                /**
                 * Creates a new Restart instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Restart instance
                 */
                static create(properties: corral.control.v1.Restart.$Shape): corral.control.v1.Restart & corral.control.v1.Restart.$Shape;
                static create(properties?: corral.control.v1.Restart.$Properties): corral.control.v1.Restart;

                /**
                 * Encodes the specified Restart message. Does not implicitly {@link corral.control.v1.Restart.verify|verify} messages.
                 * @param message Restart message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.Restart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Restart message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.Restart & corral.control.v1.Restart.$Shape} Restart
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.Restart & corral.control.v1.Restart.$Shape;

                /**
                 * Creates a Restart message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Restart
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.Restart;

                /**
                 * Creates a plain object from a Restart message. Also converts values to other types if specified.
                 * @param message Restart
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.Restart, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Restart to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Restart {

                /** Properties of a Restart. */
                interface $Properties {

                    /** Restart reason */
                    reason?: (string|null);

                    /** Restart count */
                    count?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Restart. */
                type $Shape = corral.control.v1.Restart.$Properties;
            }

            /**
             * Properties of an Interval.
             * @deprecated Use corral.control.v1.Interval.$Properties instead.
             */
            interface IInterval extends corral.control.v1.Interval.$Properties {
            }

            /** Represents an Interval. */
            class Interval {

                /**
                 * Constructs a new Interval.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.Interval.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Interval durationMs. */
                durationMs: number;

                /** Interval accepted. */
                accepted: number;

                /** Interval requests. */
                requests: number;

                /** Interval p50Us. */
                p50Us: number;

                /** Interval p99Us. */
                p99Us: number;

                /** Interval jobs. */
                jobs: number;

                /**
                 * Creates a new Interval instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Interval instance
                 */
                static create(properties: corral.control.v1.Interval.$Shape): corral.control.v1.Interval & corral.control.v1.Interval.$Shape;
                static create(properties?: corral.control.v1.Interval.$Properties): corral.control.v1.Interval;

                /**
                 * Encodes the specified Interval message. Does not implicitly {@link corral.control.v1.Interval.verify|verify} messages.
                 * @param message Interval message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.Interval.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Interval message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.Interval & corral.control.v1.Interval.$Shape} Interval
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.Interval & corral.control.v1.Interval.$Shape;

                /**
                 * Creates an Interval message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Interval
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.Interval;

                /**
                 * Creates a plain object from an Interval message. Also converts values to other types if specified.
                 * @param message Interval
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.Interval, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Interval to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Interval {

                /** Properties of an Interval. */
                interface $Properties {

                    /** Interval durationMs */
                    durationMs?: (number|null);

                    /** Interval accepted */
                    accepted?: (number|null);

                    /** Interval requests */
                    requests?: (number|null);

                    /** Interval p50Us */
                    p50Us?: (number|null);

                    /** Interval p99Us */
                    p99Us?: (number|null);

                    /** Interval jobs */
                    jobs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Interval. */
                type $Shape = corral.control.v1.Interval.$Properties;
            }

            /**
             * Properties of a TasksStatus.
             * @deprecated Use corral.control.v1.TasksStatus.$Properties instead.
             */
            interface ITasksStatus extends corral.control.v1.TasksStatus.$Properties {
            }

            /** Represents a TasksStatus. */
            class TasksStatus {

                /**
                 * Constructs a new TasksStatus.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.TasksStatus.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TasksStatus apps. */
                apps: corral.control.v1.AppStatus.$Properties[];

                /** TasksStatus queue. */
                queue?: (corral.control.v1.QueueStatus.$Properties|null);

                /**
                 * Creates a new TasksStatus instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TasksStatus instance
                 */
                static create(properties: corral.control.v1.TasksStatus.$Shape): corral.control.v1.TasksStatus & corral.control.v1.TasksStatus.$Shape;
                static create(properties?: corral.control.v1.TasksStatus.$Properties): corral.control.v1.TasksStatus;

                /**
                 * Encodes the specified TasksStatus message. Does not implicitly {@link corral.control.v1.TasksStatus.verify|verify} messages.
                 * @param message TasksStatus message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.TasksStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TasksStatus message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.TasksStatus & corral.control.v1.TasksStatus.$Shape} TasksStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.TasksStatus & corral.control.v1.TasksStatus.$Shape;

                /**
                 * Creates a TasksStatus message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns TasksStatus
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.TasksStatus;

                /**
                 * Creates a plain object from a TasksStatus message. Also converts values to other types if specified.
                 * @param message TasksStatus
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.TasksStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TasksStatus to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace TasksStatus {

                /** Properties of a TasksStatus. */
                interface $Properties {

                    /** TasksStatus apps */
                    apps?: (corral.control.v1.AppStatus.$Properties[]|null);

                    /** TasksStatus queue */
                    queue?: (corral.control.v1.QueueStatus.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TasksStatus. */
                type $Shape = corral.control.v1.TasksStatus.$Properties;
            }

            /**
             * Properties of an AppStatus.
             * @deprecated Use corral.control.v1.AppStatus.$Properties instead.
             */
            interface IAppStatus extends corral.control.v1.AppStatus.$Properties {
            }

            /** Represents an AppStatus. */
            class AppStatus {

                /**
                 * Constructs a new AppStatus.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.AppStatus.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AppStatus name. */
                name: string;

                /** AppStatus workers. */
                workers: number;

                /** AppStatus queued. */
                queued: number;

                /** AppStatus inFlight. */
                inFlight: number;

                /** AppStatus submitted. */
                submitted: number;

                /** AppStatus completed. */
                completed: number;

                /** AppStatus failed. */
                failed: number;

                /** AppStatus rejected. */
                rejected: number;

                /** AppStatus lost. */
                lost: number;

                /** AppStatus abandoned. */
                abandoned: number;

                /** AppStatus waitMs. */
                waitMs?: (corral.control.v1.Percentiles.$Properties|null);

                /** AppStatus runMs. */
                runMs?: (corral.control.v1.Percentiles.$Properties|null);

                /**
                 * Creates a new AppStatus instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns AppStatus instance
                 */
                static create(properties: corral.control.v1.AppStatus.$Shape): corral.control.v1.AppStatus & corral.control.v1.AppStatus.$Shape;
                static create(properties?: corral.control.v1.AppStatus.$Properties): corral.control.v1.AppStatus;

                /**
                 * Encodes the specified AppStatus message. Does not implicitly {@link corral.control.v1.AppStatus.verify|verify} messages.
                 * @param message AppStatus message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.AppStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AppStatus message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.AppStatus & corral.control.v1.AppStatus.$Shape} AppStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.AppStatus & corral.control.v1.AppStatus.$Shape;

                /**
                 * Creates an AppStatus message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns AppStatus
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.AppStatus;

                /**
                 * Creates a plain object from an AppStatus message. Also converts values to other types if specified.
                 * @param message AppStatus
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.AppStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this AppStatus to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace AppStatus {

                /** Properties of an AppStatus. */
                interface $Properties {

                    /** AppStatus name */
                    name?: (string|null);

                    /** AppStatus workers */
                    workers?: (number|null);

                    /** AppStatus queued */
                    queued?: (number|null);

                    /** AppStatus inFlight */
                    inFlight?: (number|null);

                    /** AppStatus submitted */
                    submitted?: (number|null);

                    /** AppStatus completed */
                    completed?: (number|null);

                    /** AppStatus failed */
                    failed?: (number|null);

                    /** AppStatus rejected */
                    rejected?: (number|null);

                    /** AppStatus lost */
                    lost?: (number|null);

                    /** AppStatus abandoned */
                    abandoned?: (number|null);

                    /** AppStatus waitMs */
                    waitMs?: (corral.control.v1.Percentiles.$Properties|null);

                    /** AppStatus runMs */
                    runMs?: (corral.control.v1.Percentiles.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AppStatus. */
                type $Shape = corral.control.v1.AppStatus.$Properties;
            }

            /**
             * Properties of a Percentiles.
             * @deprecated Use corral.control.v1.Percentiles.$Properties instead.
             */
            interface IPercentiles extends corral.control.v1.Percentiles.$Properties {
            }

            /** Represents a Percentiles. */
            class Percentiles {

                /**
                 * Constructs a new Percentiles.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.Percentiles.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Percentiles p50. */
                p50: number;

                /** Percentiles p90. */
                p90: number;

                /** Percentiles p99. */
                p99: number;

                /** Percentiles n. */
                n: number;

                /**
                 * Creates a new Percentiles instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Percentiles instance
                 */
                static create(properties: corral.control.v1.Percentiles.$Shape): corral.control.v1.Percentiles & corral.control.v1.Percentiles.$Shape;
                static create(properties?: corral.control.v1.Percentiles.$Properties): corral.control.v1.Percentiles;

                /**
                 * Encodes the specified Percentiles message. Does not implicitly {@link corral.control.v1.Percentiles.verify|verify} messages.
                 * @param message Percentiles message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.Percentiles.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Percentiles message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.Percentiles & corral.control.v1.Percentiles.$Shape} Percentiles
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.Percentiles & corral.control.v1.Percentiles.$Shape;

                /**
                 * Creates a Percentiles message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Percentiles
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.Percentiles;

                /**
                 * Creates a plain object from a Percentiles message. Also converts values to other types if specified.
                 * @param message Percentiles
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.Percentiles, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Percentiles to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Percentiles {

                /** Properties of a Percentiles. */
                interface $Properties {

                    /** Percentiles p50 */
                    p50?: (number|null);

                    /** Percentiles p90 */
                    p90?: (number|null);

                    /** Percentiles p99 */
                    p99?: (number|null);

                    /** Percentiles n */
                    n?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Percentiles. */
                type $Shape = corral.control.v1.Percentiles.$Properties;
            }

            /**
             * Properties of a QueueStatus.
             * @deprecated Use corral.control.v1.QueueStatus.$Properties instead.
             */
            interface IQueueStatus extends corral.control.v1.QueueStatus.$Properties {
            }

            /** Represents a QueueStatus. */
            class QueueStatus {

                /**
                 * Constructs a new QueueStatus.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.QueueStatus.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** QueueStatus state. */
                state: string;

                /** QueueStatus queues. */
                queues: string[];

                /** QueueStatus held. */
                held: number;

                /** QueueStatus fetched. */
                fetched: number;

                /** QueueStatus succeeded. */
                succeeded: number;

                /** QueueStatus failed. */
                failed: number;

                /** QueueStatus retried. */
                retried: number;

                /** QueueStatus dead. */
                dead: number;

                /** QueueStatus depths. */
                depths: corral.control.v1.QueueDepth.$Properties[];

                /**
                 * Creates a new QueueStatus instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns QueueStatus instance
                 */
                static create(properties: corral.control.v1.QueueStatus.$Shape): corral.control.v1.QueueStatus & corral.control.v1.QueueStatus.$Shape;
                static create(properties?: corral.control.v1.QueueStatus.$Properties): corral.control.v1.QueueStatus;

                /**
                 * Encodes the specified QueueStatus message. Does not implicitly {@link corral.control.v1.QueueStatus.verify|verify} messages.
                 * @param message QueueStatus message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.QueueStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a QueueStatus message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.QueueStatus & corral.control.v1.QueueStatus.$Shape} QueueStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.QueueStatus & corral.control.v1.QueueStatus.$Shape;

                /**
                 * Creates a QueueStatus message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns QueueStatus
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.QueueStatus;

                /**
                 * Creates a plain object from a QueueStatus message. Also converts values to other types if specified.
                 * @param message QueueStatus
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.QueueStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this QueueStatus to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace QueueStatus {

                /** Properties of a QueueStatus. */
                interface $Properties {

                    /** QueueStatus state */
                    state?: (string|null);

                    /** QueueStatus queues */
                    queues?: (string[]|null);

                    /** QueueStatus held */
                    held?: (number|null);

                    /** QueueStatus fetched */
                    fetched?: (number|null);

                    /** QueueStatus succeeded */
                    succeeded?: (number|null);

                    /** QueueStatus failed */
                    failed?: (number|null);

                    /** QueueStatus retried */
                    retried?: (number|null);

                    /** QueueStatus dead */
                    dead?: (number|null);

                    /** QueueStatus depths */
                    depths?: (corral.control.v1.QueueDepth.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a QueueStatus. */
                type $Shape = corral.control.v1.QueueStatus.$Properties;
            }

            /**
             * Properties of a QueueDepth.
             * @deprecated Use corral.control.v1.QueueDepth.$Properties instead.
             */
            interface IQueueDepth extends corral.control.v1.QueueDepth.$Properties {
            }

            /** Represents a QueueDepth. */
            class QueueDepth {

                /**
                 * Constructs a new QueueDepth.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.QueueDepth.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** QueueDepth queue. */
                queue: string;

                /** QueueDepth waiting. */
                waiting: number;

                /** QueueDepth delayed. */
                delayed: number;

                /** QueueDepth dead. */
                dead: number;

                /**
                 * Creates a new QueueDepth instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns QueueDepth instance
                 */
                static create(properties: corral.control.v1.QueueDepth.$Shape): corral.control.v1.QueueDepth & corral.control.v1.QueueDepth.$Shape;
                static create(properties?: corral.control.v1.QueueDepth.$Properties): corral.control.v1.QueueDepth;

                /**
                 * Encodes the specified QueueDepth message. Does not implicitly {@link corral.control.v1.QueueDepth.verify|verify} messages.
                 * @param message QueueDepth message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.QueueDepth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a QueueDepth message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.QueueDepth & corral.control.v1.QueueDepth.$Shape} QueueDepth
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.QueueDepth & corral.control.v1.QueueDepth.$Shape;

                /**
                 * Creates a QueueDepth message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns QueueDepth
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.QueueDepth;

                /**
                 * Creates a plain object from a QueueDepth message. Also converts values to other types if specified.
                 * @param message QueueDepth
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.QueueDepth, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this QueueDepth to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace QueueDepth {

                /** Properties of a QueueDepth. */
                interface $Properties {

                    /** QueueDepth queue */
                    queue?: (string|null);

                    /** QueueDepth waiting */
                    waiting?: (number|null);

                    /** QueueDepth delayed */
                    delayed?: (number|null);

                    /** QueueDepth dead */
                    dead?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a QueueDepth. */
                type $Shape = corral.control.v1.QueueDepth.$Properties;
            }

            /**
             * Properties of a JobList.
             * @deprecated Use corral.control.v1.JobList.$Properties instead.
             */
            interface IJobList extends corral.control.v1.JobList.$Properties {
            }

            /** Represents a JobList. */
            class JobList {

                /**
                 * Constructs a new JobList.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.JobList.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JobList jobs. */
                jobs: corral.control.v1.JobInfo.$Properties[];

                /** JobList matched. */
                matched: number;

                /**
                 * Creates a new JobList instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns JobList instance
                 */
                static create(properties: corral.control.v1.JobList.$Shape): corral.control.v1.JobList & corral.control.v1.JobList.$Shape;
                static create(properties?: corral.control.v1.JobList.$Properties): corral.control.v1.JobList;

                /**
                 * Encodes the specified JobList message. Does not implicitly {@link corral.control.v1.JobList.verify|verify} messages.
                 * @param message JobList message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.JobList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JobList message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.JobList & corral.control.v1.JobList.$Shape} JobList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.JobList & corral.control.v1.JobList.$Shape;

                /**
                 * Creates a JobList message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns JobList
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.JobList;

                /**
                 * Creates a plain object from a JobList message. Also converts values to other types if specified.
                 * @param message JobList
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.JobList, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this JobList to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace JobList {

                /** Properties of a JobList. */
                interface $Properties {

                    /** JobList jobs */
                    jobs?: (corral.control.v1.JobInfo.$Properties[]|null);

                    /** JobList matched */
                    matched?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JobList. */
                type $Shape = corral.control.v1.JobList.$Properties;
            }

            /**
             * Properties of a JobInfo.
             * @deprecated Use corral.control.v1.JobInfo.$Properties instead.
             */
            interface IJobInfo extends corral.control.v1.JobInfo.$Properties {
            }

            /** Represents a JobInfo. */
            class JobInfo {

                /**
                 * Constructs a new JobInfo.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: corral.control.v1.JobInfo.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JobInfo id. */
                id: number;

                /** JobInfo app. */
                app: string;

                /** JobInfo action. */
                action: string;

                /** JobInfo state. */
                state: string;

                /** JobInfo worker. */
                worker: number;

                /** JobInfo caller. */
                caller: string;

                /** JobInfo submittedAtMs. */
                submittedAtMs: number;

                /** JobInfo startedAtMs. */
                startedAtMs: number;

                /** JobInfo endedAtMs. */
                endedAtMs: number;

                /** JobInfo payloadBytes. */
                payloadBytes: number;

                /** JobInfo errorCode. */
                errorCode: string;

                /** JobInfo errorMessage. */
                errorMessage: string;

                /** JobInfo meta. */
                meta: { [k: string]: string };

                /** JobInfo chunks. */
                chunks: number;

                /**
                 * Creates a new JobInfo instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns JobInfo instance
                 */
                static create(properties: corral.control.v1.JobInfo.$Shape): corral.control.v1.JobInfo & corral.control.v1.JobInfo.$Shape;
                static create(properties?: corral.control.v1.JobInfo.$Properties): corral.control.v1.JobInfo;

                /**
                 * Encodes the specified JobInfo message. Does not implicitly {@link corral.control.v1.JobInfo.verify|verify} messages.
                 * @param message JobInfo message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: corral.control.v1.JobInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JobInfo message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {corral.control.v1.JobInfo & corral.control.v1.JobInfo.$Shape} JobInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): corral.control.v1.JobInfo & corral.control.v1.JobInfo.$Shape;

                /**
                 * Creates a JobInfo message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns JobInfo
                 */
                static fromObject(object: { [k: string]: any }): corral.control.v1.JobInfo;

                /**
                 * Creates a plain object from a JobInfo message. Also converts values to other types if specified.
                 * @param message JobInfo
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: corral.control.v1.JobInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this JobInfo to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace JobInfo {

                /** Properties of a JobInfo. */
                interface $Properties {

                    /** JobInfo id */
                    id?: (number|null);

                    /** JobInfo app */
                    app?: (string|null);

                    /** JobInfo action */
                    action?: (string|null);

                    /** JobInfo state */
                    state?: (string|null);

                    /** JobInfo worker */
                    worker?: (number|null);

                    /** JobInfo caller */
                    caller?: (string|null);

                    /** JobInfo submittedAtMs */
                    submittedAtMs?: (number|null);

                    /** JobInfo startedAtMs */
                    startedAtMs?: (number|null);

                    /** JobInfo endedAtMs */
                    endedAtMs?: (number|null);

                    /** JobInfo payloadBytes */
                    payloadBytes?: (number|null);

                    /** JobInfo errorCode */
                    errorCode?: (string|null);

                    /** JobInfo errorMessage */
                    errorMessage?: (string|null);

                    /** JobInfo meta */
                    meta?: ({ [k: string]: string }|null);

                    /** JobInfo chunks */
                    chunks?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JobInfo. */
                type $Shape = corral.control.v1.JobInfo.$Properties;
            }
        }
    }
}
