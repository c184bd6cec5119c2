/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["control"] || ($protobuf.roots["control"] = {});

export const corral = $root.corral = (() => {

    /**
     * Namespace corral.
     * @exports corral
     * @namespace
     */
    const corral = {};

    corral.control = (function() {

        /**
         * Namespace control.
         * @memberof corral
         * @namespace
         */
        const control = {};

        control.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof corral.control
             * @namespace
             */
            const v1 = {};

            v1.ControlRequest = (function() {

                /**
                 * Properties of a ControlRequest.
                 * @typedef {Object} corral.control.v1.ControlRequest.$Properties
                 * @property {number|null} [requestId] ControlRequest requestId
                 * @property {corral.control.v1.StatusRequest.$Properties|null} [status] ControlRequest status
                 * @property {corral.control.v1.ScaleRequest.$Properties|null} [scale] ControlRequest scale
                 * @property {corral.control.v1.ReloadRequest.$Properties|null} [reload] ControlRequest reload
                 * @property {corral.control.v1.StopRequest.$Properties|null} [stop] ControlRequest stop
                 * @property {corral.control.v1.ReopenLogsRequest.$Properties|null} [reopenLogs] ControlRequest reopenLogs
                 * @property {corral.control.v1.TasksRequest.$Properties|null} [tasks] ControlRequest tasks
                 * @property {corral.control.v1.JobsRequest.$Properties|null} [jobs] ControlRequest jobs
                 * @property {"status"|"scale"|"reload"|"stop"|"reopenLogs"|"tasks"|"jobs"} [action] ControlRequest action
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ControlRequest.
                 * @memberof corral.control.v1
                 * @interface IControlRequest
                 * @augments corral.control.v1.ControlRequest.$Properties
                 * @deprecated Use corral.control.v1.ControlRequest.$Properties instead.
                 */

                /**
                 * Narrowed shape of a ControlRequest.
                 * @typedef {{
                 *   requestId?: number|null;
                 *   status?: corral.control.v1.StatusRequest.$Shape|null;
                 *   scale?: corral.control.v1.ScaleRequest.$Shape|null;
                 *   reload?: corral.control.v1.ReloadRequest.$Shape|null;
                 *   stop?: corral.control.v1.StopRequest.$Shape|null;
                 *   reopenLogs?: corral.control.v1.ReopenLogsRequest.$Shape|null;
                 *   tasks?: corral.control.v1.TasksRequest.$Shape|null;
                 *   jobs?: corral.control.v1.JobsRequest.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ action?: undefined; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "status"; status: corral.control.v1.StatusRequest.$Shape; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "scale"; status?: null; scale: corral.control.v1.ScaleRequest.$Shape; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "reload"; status?: null; scale?: null; reload: corral.control.v1.ReloadRequest.$Shape; stop?: null; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "stop"; status?: null; scale?: null; reload?: null; stop: corral.control.v1.StopRequest.$Shape; reopenLogs?: null; tasks?: null; jobs?: null }|{ action?: "reopenLogs"; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs: corral.control.v1.ReopenLogsRequest.$Shape; tasks?: null; jobs?: null }|{ action?: "tasks"; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks: corral.control.v1.TasksRequest.$Shape; jobs?: null }|{ action?: "jobs"; status?: null; scale?: null; reload?: null; stop?: null; reopenLogs?: null; tasks?: null; jobs: corral.control.v1.JobsRequest.$Shape })
                 * )} corral.control.v1.ControlRequest.$Shape
                 */

                /**
                 * Constructs a new ControlRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a ControlRequest.
                 * @constructor
                 * @param {corral.control.v1.ControlRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ControlRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ControlRequest requestId.
                 * @member {number} requestId
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ControlRequest status.
                 * @member {corral.control.v1.StatusRequest.$Properties|null|undefined} status
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.status = null;

                /**
                 * ControlRequest scale.
                 * @member {corral.control.v1.ScaleRequest.$Properties|null|undefined} scale
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.scale = null;

                /**
                 * ControlRequest reload.
                 * @member {corral.control.v1.ReloadRequest.$Properties|null|undefined} reload
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.reload = null;

                /**
                 * ControlRequest stop.
                 * @member {corral.control.v1.StopRequest.$Properties|null|undefined} stop
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.stop = null;

                /**
                 * ControlRequest reopenLogs.
                 * @member {corral.control.v1.ReopenLogsRequest.$Properties|null|undefined} reopenLogs
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.reopenLogs = null;

                /**
                 * ControlRequest tasks.
                 * @member {corral.control.v1.TasksRequest.$Properties|null|undefined} tasks
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.tasks = null;

                /**
                 * ControlRequest jobs.
                 * @member {corral.control.v1.JobsRequest.$Properties|null|undefined} jobs
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.jobs = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * ControlRequest action.
                 * @member {"status"|"scale"|"reload"|"stop"|"reopenLogs"|"tasks"|"jobs"|undefined} action
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 */
                $Object.defineProperty(ControlRequest.prototype, "action", {
                    get: $util.oneOfGetter($oneOfFields = ["status", "scale", "reload", "stop", "reopenLogs", "tasks", "jobs"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new ControlRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.ControlRequest
                 * @static
                 * @param {corral.control.v1.ControlRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.ControlRequest} ControlRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.ControlRequest.$Shape): corral.control.v1.ControlRequest & corral.control.v1.ControlRequest.$Shape;
                 *   (properties?: corral.control.v1.ControlRequest.$Properties): corral.control.v1.ControlRequest;
                 * }}
                 */
                ControlRequest.create = function(properties) {
                    return new ControlRequest(properties);
                };

                /**
                 * Encodes the specified ControlRequest message. Does not implicitly {@link corral.control.v1.ControlRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.ControlRequest
                 * @static
                 * @param {corral.control.v1.ControlRequest.$Properties} message ControlRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ControlRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        $root.corral.control.v1.StatusRequest.encode(message.status, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.scale != null && $Object.hasOwnProperty.call(message, "scale"))
                        $root.corral.control.v1.ScaleRequest.encode(message.scale, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.reload != null && $Object.hasOwnProperty.call(message, "reload"))
                        $root.corral.control.v1.ReloadRequest.encode(message.reload, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                    if (message.stop != null && $Object.hasOwnProperty.call(message, "stop"))
                        $root.corral.control.v1.StopRequest.encode(message.stop, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.reopenLogs != null && $Object.hasOwnProperty.call(message, "reopenLogs"))
                        $root.corral.control.v1.ReopenLogsRequest.encode(message.reopenLogs, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                    if (message.tasks != null && $Object.hasOwnProperty.call(message, "tasks"))
                        $root.corral.control.v1.TasksRequest.encode(message.tasks, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                    if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs"))
                        $root.corral.control.v1.JobsRequest.encode(message.jobs, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ControlRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.ControlRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.ControlRequest & corral.control.v1.ControlRequest.$Shape} ControlRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ControlRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.ControlRequest();
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
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                message.status = $root.corral.control.v1.StatusRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                                message.action = "status";
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.scale = $root.corral.control.v1.ScaleRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.scale);
                                message.action = "scale";
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                message.reload = $root.corral.control.v1.ReloadRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.reload);
                                message.action = "reload";
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                message.stop = $root.corral.control.v1.StopRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.stop);
                                message.action = "stop";
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                message.reopenLogs = $root.corral.control.v1.ReopenLogsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.reopenLogs);
                                message.action = "reopenLogs";
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                message.tasks = $root.corral.control.v1.TasksRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.tasks);
                                message.action = "tasks";
                                continue;
                            }
                        case 16: {
                                if (wireType !== 2)
                                    break;
                                message.jobs = $root.corral.control.v1.JobsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.jobs);
                                message.action = "jobs";
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
                 * Creates a ControlRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.ControlRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.ControlRequest} ControlRequest
                 */
                ControlRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.ControlRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.ControlRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.ControlRequest();
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
                    if (object.status != null) {
                        if (!$util.isObject(object.status))
                            throw $TypeError(".corral.control.v1.ControlRequest.status: object expected");
                        message.status = $root.corral.control.v1.StatusRequest.fromObject(object.status, _depth + 1);
                    }
                    if (object.scale != null) {
                        if (!$util.isObject(object.scale))
                            throw $TypeError(".corral.control.v1.ControlRequest.scale: object expected");
                        message.scale = $root.corral.control.v1.ScaleRequest.fromObject(object.scale, _depth + 1);
                    }
                    if (object.reload != null) {
                        if (!$util.isObject(object.reload))
                            throw $TypeError(".corral.control.v1.ControlRequest.reload: object expected");
                        message.reload = $root.corral.control.v1.ReloadRequest.fromObject(object.reload, _depth + 1);
                    }
                    if (object.stop != null) {
                        if (!$util.isObject(object.stop))
                            throw $TypeError(".corral.control.v1.ControlRequest.stop: object expected");
                        message.stop = $root.corral.control.v1.StopRequest.fromObject(object.stop, _depth + 1);
                    }
                    if (object.reopenLogs != null) {
                        if (!$util.isObject(object.reopenLogs))
                            throw $TypeError(".corral.control.v1.ControlRequest.reopenLogs: object expected");
                        message.reopenLogs = $root.corral.control.v1.ReopenLogsRequest.fromObject(object.reopenLogs, _depth + 1);
                    }
                    if (object.tasks != null) {
                        if (!$util.isObject(object.tasks))
                            throw $TypeError(".corral.control.v1.ControlRequest.tasks: object expected");
                        message.tasks = $root.corral.control.v1.TasksRequest.fromObject(object.tasks, _depth + 1);
                    }
                    if (object.jobs != null) {
                        if (!$util.isObject(object.jobs))
                            throw $TypeError(".corral.control.v1.ControlRequest.jobs: object expected");
                        message.jobs = $root.corral.control.v1.JobsRequest.fromObject(object.jobs, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a ControlRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.ControlRequest
                 * @static
                 * @param {corral.control.v1.ControlRequest} message ControlRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ControlRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                        else if (typeof message.requestId === "number")
                            object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                        else
                            object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status")) {
                        object.status = $root.corral.control.v1.StatusRequest.toObject(message.status, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "status";
                    }
                    if (message.scale != null && $Object.hasOwnProperty.call(message, "scale")) {
                        object.scale = $root.corral.control.v1.ScaleRequest.toObject(message.scale, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "scale";
                    }
                    if (message.reload != null && $Object.hasOwnProperty.call(message, "reload")) {
                        object.reload = $root.corral.control.v1.ReloadRequest.toObject(message.reload, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "reload";
                    }
                    if (message.stop != null && $Object.hasOwnProperty.call(message, "stop")) {
                        object.stop = $root.corral.control.v1.StopRequest.toObject(message.stop, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "stop";
                    }
                    if (message.reopenLogs != null && $Object.hasOwnProperty.call(message, "reopenLogs")) {
                        object.reopenLogs = $root.corral.control.v1.ReopenLogsRequest.toObject(message.reopenLogs, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "reopenLogs";
                    }
                    if (message.tasks != null && $Object.hasOwnProperty.call(message, "tasks")) {
                        object.tasks = $root.corral.control.v1.TasksRequest.toObject(message.tasks, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "tasks";
                    }
                    if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs")) {
                        object.jobs = $root.corral.control.v1.JobsRequest.toObject(message.jobs, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "jobs";
                    }
                    return object;
                };

                /**
                 * Converts this ControlRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.ControlRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ControlRequest.prototype.toJSON = function() {
                    return ControlRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ControlRequest;
            })();

            v1.StatusRequest = (function() {

                /**
                 * Properties of a StatusRequest.
                 * @typedef {Object} corral.control.v1.StatusRequest.$Properties
                 * @property {boolean|null} [histograms] StatusRequest histograms
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a StatusRequest.
                 * @memberof corral.control.v1
                 * @interface IStatusRequest
                 * @augments corral.control.v1.StatusRequest.$Properties
                 * @deprecated Use corral.control.v1.StatusRequest.$Properties instead.
                 */

                /**
                 * Shape of a StatusRequest.
                 * @typedef {corral.control.v1.StatusRequest.$Properties} corral.control.v1.StatusRequest.$Shape
                 */

                /**
                 * Constructs a new StatusRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a StatusRequest.
                 * @constructor
                 * @param {corral.control.v1.StatusRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const StatusRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * StatusRequest histograms.
                 * @member {boolean} histograms
                 * @memberof corral.control.v1.StatusRequest
                 * @instance
                 */
                StatusRequest.prototype.histograms = false;

                /**
                 * Creates a new StatusRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.StatusRequest
                 * @static
                 * @param {corral.control.v1.StatusRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.StatusRequest} StatusRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.StatusRequest.$Shape): corral.control.v1.StatusRequest & corral.control.v1.StatusRequest.$Shape;
                 *   (properties?: corral.control.v1.StatusRequest.$Properties): corral.control.v1.StatusRequest;
                 * }}
                 */
                StatusRequest.create = function(properties) {
                    return new StatusRequest(properties);
                };

                /**
                 * Encodes the specified StatusRequest message. Does not implicitly {@link corral.control.v1.StatusRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.StatusRequest
                 * @static
                 * @param {corral.control.v1.StatusRequest.$Properties} message StatusRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                StatusRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.histograms != null && $Object.hasOwnProperty.call(message, "histograms") && message.histograms !== false)
                        writer.uint32(/* id 1, wireType 0 =*/8).bool(message.histograms);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a StatusRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.StatusRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.StatusRequest & corral.control.v1.StatusRequest.$Shape} StatusRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                StatusRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.StatusRequest();
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
                                if (value = reader.bool())
                                    message.histograms = value;
                                else
                                    delete message.histograms;
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
                 * Creates a StatusRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.StatusRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.StatusRequest} StatusRequest
                 */
                StatusRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.StatusRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.StatusRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.StatusRequest();
                    if (object.histograms != null)
                        if (object.histograms)
                            message.histograms = $Boolean(object.histograms);
                    return message;
                };

                /**
                 * Creates a plain object from a StatusRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.StatusRequest
                 * @static
                 * @param {corral.control.v1.StatusRequest} message StatusRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                StatusRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.histograms = false;
                    if (message.histograms != null && $Object.hasOwnProperty.call(message, "histograms"))
                        object.histograms = message.histograms;
                    return object;
                };

                /**
                 * Converts this StatusRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.StatusRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                StatusRequest.prototype.toJSON = function() {
                    return StatusRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return StatusRequest;
            })();

            v1.ScaleRequest = (function() {

                /**
                 * Properties of a ScaleRequest.
                 * @typedef {Object} corral.control.v1.ScaleRequest.$Properties
                 * @property {corral.control.v1.WorkerKind|null} [kind] ScaleRequest kind
                 * @property {number|null} [workers] ScaleRequest workers
                 * @property {string|null} [app] ScaleRequest app
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ScaleRequest.
                 * @memberof corral.control.v1
                 * @interface IScaleRequest
                 * @augments corral.control.v1.ScaleRequest.$Properties
                 * @deprecated Use corral.control.v1.ScaleRequest.$Properties instead.
                 */

                /**
                 * Shape of a ScaleRequest.
                 * @typedef {corral.control.v1.ScaleRequest.$Properties} corral.control.v1.ScaleRequest.$Shape
                 */

                /**
                 * Constructs a new ScaleRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a ScaleRequest.
                 * @constructor
                 * @param {corral.control.v1.ScaleRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ScaleRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ScaleRequest kind.
                 * @member {corral.control.v1.WorkerKind} kind
                 * @memberof corral.control.v1.ScaleRequest
                 * @instance
                 */
                ScaleRequest.prototype.kind = 0;

                /**
                 * ScaleRequest workers.
                 * @member {number} workers
                 * @memberof corral.control.v1.ScaleRequest
                 * @instance
                 */
                ScaleRequest.prototype.workers = 0;

                /**
                 * ScaleRequest app.
                 * @member {string} app
                 * @memberof corral.control.v1.ScaleRequest
                 * @instance
                 */
                ScaleRequest.prototype.app = "";

                /**
                 * Creates a new ScaleRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.ScaleRequest
                 * @static
                 * @param {corral.control.v1.ScaleRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.ScaleRequest} ScaleRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.ScaleRequest.$Shape): corral.control.v1.ScaleRequest & corral.control.v1.ScaleRequest.$Shape;
                 *   (properties?: corral.control.v1.ScaleRequest.$Properties): corral.control.v1.ScaleRequest;
                 * }}
                 */
                ScaleRequest.create = function(properties) {
                    return new ScaleRequest(properties);
                };

                /**
                 * Encodes the specified ScaleRequest message. Does not implicitly {@link corral.control.v1.ScaleRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.ScaleRequest
                 * @static
                 * @param {corral.control.v1.ScaleRequest.$Properties} message ScaleRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ScaleRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                    if (message.workers != null && $Object.hasOwnProperty.call(message, "workers") && message.workers !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.workers);
                    if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.app);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ScaleRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.ScaleRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.ScaleRequest & corral.control.v1.ScaleRequest.$Shape} ScaleRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ScaleRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.ScaleRequest();
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
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.workers = value;
                                else
                                    delete message.workers;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.app = value;
                                else
                                    delete message.app;
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
                 * Creates a ScaleRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.ScaleRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.ScaleRequest} ScaleRequest
                 */
                ScaleRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.ScaleRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.ScaleRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.ScaleRequest();
                    if (object.kind !== 0 && (typeof object.kind !== "string" || $root.corral.control.v1.WorkerKind[object.kind] !== 0))
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
                        default:
                            if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                                message.kind = object.kind;
                        }
                    if (object.workers != null)
                        if ($Number(object.workers) !== 0)
                            message.workers = object.workers >>> 0;
                    if (object.app != null)
                        if (typeof object.app !== "string" || object.app.length)
                            message.app = $String(object.app);
                    return message;
                };

                /**
                 * Creates a plain object from a ScaleRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.ScaleRequest
                 * @static
                 * @param {corral.control.v1.ScaleRequest} message ScaleRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ScaleRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.kind = options.enums === $String ? "WORKER_KIND_UNSPECIFIED" : 0;
                        object.workers = 0;
                        object.app = "";
                    }
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        object.kind = options.enums === $String ? $root.corral.control.v1.WorkerKind[message.kind] === $undefined ? message.kind : $root.corral.control.v1.WorkerKind[message.kind] : message.kind;
                    if (message.workers != null && $Object.hasOwnProperty.call(message, "workers"))
                        object.workers = message.workers;
                    if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                        object.app = message.app;
                    return object;
                };

                /**
                 * Converts this ScaleRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.ScaleRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ScaleRequest.prototype.toJSON = function() {
                    return ScaleRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ScaleRequest;
            })();

            v1.ReloadRequest = (function() {

                /**
                 * Properties of a ReloadRequest.
                 * @typedef {Object} corral.control.v1.ReloadRequest.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ReloadRequest.
                 * @memberof corral.control.v1
                 * @interface IReloadRequest
                 * @augments corral.control.v1.ReloadRequest.$Properties
                 * @deprecated Use corral.control.v1.ReloadRequest.$Properties instead.
                 */

                /**
                 * Shape of a ReloadRequest.
                 * @typedef {corral.control.v1.ReloadRequest.$Properties} corral.control.v1.ReloadRequest.$Shape
                 */

                /**
                 * Constructs a new ReloadRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a ReloadRequest.
                 * @constructor
                 * @param {corral.control.v1.ReloadRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ReloadRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new ReloadRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.ReloadRequest
                 * @static
                 * @param {corral.control.v1.ReloadRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.ReloadRequest} ReloadRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.ReloadRequest.$Shape): corral.control.v1.ReloadRequest & corral.control.v1.ReloadRequest.$Shape;
                 *   (properties?: corral.control.v1.ReloadRequest.$Properties): corral.control.v1.ReloadRequest;
                 * }}
                 */
                ReloadRequest.create = function(properties) {
                    return new ReloadRequest(properties);
                };

                /**
                 * Encodes the specified ReloadRequest message. Does not implicitly {@link corral.control.v1.ReloadRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.ReloadRequest
                 * @static
                 * @param {corral.control.v1.ReloadRequest.$Properties} message ReloadRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ReloadRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ReloadRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.ReloadRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.ReloadRequest & corral.control.v1.ReloadRequest.$Shape} ReloadRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ReloadRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.ReloadRequest();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
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
                 * Creates a ReloadRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.ReloadRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.ReloadRequest} ReloadRequest
                 */
                ReloadRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.ReloadRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.ReloadRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.corral.control.v1.ReloadRequest();
                };

                /**
                 * Creates a plain object from a ReloadRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.ReloadRequest
                 * @static
                 * @param {corral.control.v1.ReloadRequest} message ReloadRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ReloadRequest.toObject = function () {
                    return {};
                };

                /**
                 * Converts this ReloadRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.ReloadRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ReloadRequest.prototype.toJSON = function() {
                    return ReloadRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ReloadRequest;
            })();

            v1.StopRequest = (function() {

                /**
                 * Properties of a StopRequest.
                 * @typedef {Object} corral.control.v1.StopRequest.$Properties
                 * @property {boolean|null} [graceful] StopRequest graceful
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a StopRequest.
                 * @memberof corral.control.v1
                 * @interface IStopRequest
                 * @augments corral.control.v1.StopRequest.$Properties
                 * @deprecated Use corral.control.v1.StopRequest.$Properties instead.
                 */

                /**
                 * Shape of a StopRequest.
                 * @typedef {corral.control.v1.StopRequest.$Properties} corral.control.v1.StopRequest.$Shape
                 */

                /**
                 * Constructs a new StopRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a StopRequest.
                 * @constructor
                 * @param {corral.control.v1.StopRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const StopRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * StopRequest graceful.
                 * @member {boolean} graceful
                 * @memberof corral.control.v1.StopRequest
                 * @instance
                 */
                StopRequest.prototype.graceful = false;

                /**
                 * Creates a new StopRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.StopRequest
                 * @static
                 * @param {corral.control.v1.StopRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.StopRequest} StopRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.StopRequest.$Shape): corral.control.v1.StopRequest & corral.control.v1.StopRequest.$Shape;
                 *   (properties?: corral.control.v1.StopRequest.$Properties): corral.control.v1.StopRequest;
                 * }}
                 */
                StopRequest.create = function(properties) {
                    return new StopRequest(properties);
                };

                /**
                 * Encodes the specified StopRequest message. Does not implicitly {@link corral.control.v1.StopRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.StopRequest
                 * @static
                 * @param {corral.control.v1.StopRequest.$Properties} message StopRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                StopRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.graceful != null && $Object.hasOwnProperty.call(message, "graceful") && message.graceful !== false)
                        writer.uint32(/* id 1, wireType 0 =*/8).bool(message.graceful);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a StopRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.StopRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.StopRequest & corral.control.v1.StopRequest.$Shape} StopRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                StopRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.StopRequest();
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
                                if (value = reader.bool())
                                    message.graceful = value;
                                else
                                    delete message.graceful;
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
                 * Creates a StopRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.StopRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.StopRequest} StopRequest
                 */
                StopRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.StopRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.StopRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.StopRequest();
                    if (object.graceful != null)
                        if (object.graceful)
                            message.graceful = $Boolean(object.graceful);
                    return message;
                };

                /**
                 * Creates a plain object from a StopRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.StopRequest
                 * @static
                 * @param {corral.control.v1.StopRequest} message StopRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                StopRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.graceful = false;
                    if (message.graceful != null && $Object.hasOwnProperty.call(message, "graceful"))
                        object.graceful = message.graceful;
                    return object;
                };

                /**
                 * Converts this StopRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.StopRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                StopRequest.prototype.toJSON = function() {
                    return StopRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return StopRequest;
            })();

            v1.ReopenLogsRequest = (function() {

                /**
                 * Properties of a ReopenLogsRequest.
                 * @typedef {Object} corral.control.v1.ReopenLogsRequest.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ReopenLogsRequest.
                 * @memberof corral.control.v1
                 * @interface IReopenLogsRequest
                 * @augments corral.control.v1.ReopenLogsRequest.$Properties
                 * @deprecated Use corral.control.v1.ReopenLogsRequest.$Properties instead.
                 */

                /**
                 * Shape of a ReopenLogsRequest.
                 * @typedef {corral.control.v1.ReopenLogsRequest.$Properties} corral.control.v1.ReopenLogsRequest.$Shape
                 */

                /**
                 * Constructs a new ReopenLogsRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a ReopenLogsRequest.
                 * @constructor
                 * @param {corral.control.v1.ReopenLogsRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ReopenLogsRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new ReopenLogsRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.ReopenLogsRequest
                 * @static
                 * @param {corral.control.v1.ReopenLogsRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.ReopenLogsRequest} ReopenLogsRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.ReopenLogsRequest.$Shape): corral.control.v1.ReopenLogsRequest & corral.control.v1.ReopenLogsRequest.$Shape;
                 *   (properties?: corral.control.v1.ReopenLogsRequest.$Properties): corral.control.v1.ReopenLogsRequest;
                 * }}
                 */
                ReopenLogsRequest.create = function(properties) {
                    return new ReopenLogsRequest(properties);
                };

                /**
                 * Encodes the specified ReopenLogsRequest message. Does not implicitly {@link corral.control.v1.ReopenLogsRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.ReopenLogsRequest
                 * @static
                 * @param {corral.control.v1.ReopenLogsRequest.$Properties} message ReopenLogsRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ReopenLogsRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ReopenLogsRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.ReopenLogsRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.ReopenLogsRequest & corral.control.v1.ReopenLogsRequest.$Shape} ReopenLogsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ReopenLogsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.ReopenLogsRequest();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
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
                 * Creates a ReopenLogsRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.ReopenLogsRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.ReopenLogsRequest} ReopenLogsRequest
                 */
                ReopenLogsRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.ReopenLogsRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.ReopenLogsRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.corral.control.v1.ReopenLogsRequest();
                };

                /**
                 * Creates a plain object from a ReopenLogsRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.ReopenLogsRequest
                 * @static
                 * @param {corral.control.v1.ReopenLogsRequest} message ReopenLogsRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ReopenLogsRequest.toObject = function () {
                    return {};
                };

                /**
                 * Converts this ReopenLogsRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.ReopenLogsRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ReopenLogsRequest.prototype.toJSON = function() {
                    return ReopenLogsRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ReopenLogsRequest;
            })();

            v1.TasksRequest = (function() {

                /**
                 * Properties of a TasksRequest.
                 * @typedef {Object} corral.control.v1.TasksRequest.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TasksRequest.
                 * @memberof corral.control.v1
                 * @interface ITasksRequest
                 * @augments corral.control.v1.TasksRequest.$Properties
                 * @deprecated Use corral.control.v1.TasksRequest.$Properties instead.
                 */

                /**
                 * Shape of a TasksRequest.
                 * @typedef {corral.control.v1.TasksRequest.$Properties} corral.control.v1.TasksRequest.$Shape
                 */

                /**
                 * Constructs a new TasksRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a TasksRequest.
                 * @constructor
                 * @param {corral.control.v1.TasksRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TasksRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new TasksRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.TasksRequest
                 * @static
                 * @param {corral.control.v1.TasksRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.TasksRequest} TasksRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.TasksRequest.$Shape): corral.control.v1.TasksRequest & corral.control.v1.TasksRequest.$Shape;
                 *   (properties?: corral.control.v1.TasksRequest.$Properties): corral.control.v1.TasksRequest;
                 * }}
                 */
                TasksRequest.create = function(properties) {
                    return new TasksRequest(properties);
                };

                /**
                 * Encodes the specified TasksRequest message. Does not implicitly {@link corral.control.v1.TasksRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.TasksRequest
                 * @static
                 * @param {corral.control.v1.TasksRequest.$Properties} message TasksRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TasksRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TasksRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.TasksRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.TasksRequest & corral.control.v1.TasksRequest.$Shape} TasksRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TasksRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.TasksRequest();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
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
                 * Creates a TasksRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.TasksRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.TasksRequest} TasksRequest
                 */
                TasksRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.TasksRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.TasksRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.corral.control.v1.TasksRequest();
                };

                /**
                 * Creates a plain object from a TasksRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.TasksRequest
                 * @static
                 * @param {corral.control.v1.TasksRequest} message TasksRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TasksRequest.toObject = function () {
                    return {};
                };

                /**
                 * Converts this TasksRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.TasksRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TasksRequest.prototype.toJSON = function() {
                    return TasksRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return TasksRequest;
            })();

            v1.JobsRequest = (function() {

                /**
                 * Properties of a JobsRequest.
                 * @typedef {Object} corral.control.v1.JobsRequest.$Properties
                 * @property {string|null} [state] JobsRequest state
                 * @property {string|null} [app] JobsRequest app
                 * @property {number|null} [limit] JobsRequest limit
                 * @property {number|null} [id] JobsRequest id
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a JobsRequest.
                 * @memberof corral.control.v1
                 * @interface IJobsRequest
                 * @augments corral.control.v1.JobsRequest.$Properties
                 * @deprecated Use corral.control.v1.JobsRequest.$Properties instead.
                 */

                /**
                 * Shape of a JobsRequest.
                 * @typedef {corral.control.v1.JobsRequest.$Properties} corral.control.v1.JobsRequest.$Shape
                 */

                /**
                 * Constructs a new JobsRequest.
                 * @memberof corral.control.v1
                 * @classdesc Represents a JobsRequest.
                 * @constructor
                 * @param {corral.control.v1.JobsRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const JobsRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * JobsRequest state.
                 * @member {string} state
                 * @memberof corral.control.v1.JobsRequest
                 * @instance
                 */
                JobsRequest.prototype.state = "";

                /**
                 * JobsRequest app.
                 * @member {string} app
                 * @memberof corral.control.v1.JobsRequest
                 * @instance
                 */
                JobsRequest.prototype.app = "";

                /**
                 * JobsRequest limit.
                 * @member {number} limit
                 * @memberof corral.control.v1.JobsRequest
                 * @instance
                 */
                JobsRequest.prototype.limit = 0;

                /**
                 * JobsRequest id.
                 * @member {number} id
                 * @memberof corral.control.v1.JobsRequest
                 * @instance
                 */
                JobsRequest.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new JobsRequest instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.JobsRequest
                 * @static
                 * @param {corral.control.v1.JobsRequest.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.JobsRequest} JobsRequest instance
                 * @type {{
                 *   (properties: corral.control.v1.JobsRequest.$Shape): corral.control.v1.JobsRequest & corral.control.v1.JobsRequest.$Shape;
                 *   (properties?: corral.control.v1.JobsRequest.$Properties): corral.control.v1.JobsRequest;
                 * }}
                 */
                JobsRequest.create = function(properties) {
                    return new JobsRequest(properties);
                };

                /**
                 * Encodes the specified JobsRequest message. Does not implicitly {@link corral.control.v1.JobsRequest.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.JobsRequest
                 * @static
                 * @param {corral.control.v1.JobsRequest.$Properties} message JobsRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                JobsRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.state);
                    if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.app);
                    if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.limit);
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.id);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a JobsRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.JobsRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.JobsRequest & corral.control.v1.JobsRequest.$Shape} JobsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                JobsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.JobsRequest();
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
                                    message.state = value;
                                else
                                    delete message.state;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.app = value;
                                else
                                    delete message.app;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.limit = value;
                                else
                                    delete message.limit;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.id = value;
                                else
                                    delete message.id;
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
                 * Creates a JobsRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.JobsRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.JobsRequest} JobsRequest
                 */
                JobsRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.JobsRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.JobsRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.JobsRequest();
                    if (object.state != null)
                        if (typeof object.state !== "string" || object.state.length)
                            message.state = $String(object.state);
                    if (object.app != null)
                        if (typeof object.app !== "string" || object.app.length)
                            message.app = $String(object.app);
                    if (object.limit != null)
                        if ($Number(object.limit) !== 0)
                            message.limit = object.limit >>> 0;
                    if (object.id != null)
                        if (typeof object.id === "object" ? object.id.low || object.id.high : $Number(object.id) !== 0)
                            if ($util.Long)
                                message.id = $util.Long.fromValue(object.id, true);
                            else if (typeof object.id === "string")
                                message.id = $parseInt(object.id, 10);
                            else if (typeof object.id === "number")
                                message.id = object.id;
                            else if (typeof object.id === "object")
                                message.id = new $util.LongBits(object.id.low >>> 0, object.id.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a JobsRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.JobsRequest
                 * @static
                 * @param {corral.control.v1.JobsRequest} message JobsRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                JobsRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.state = "";
                        object.app = "";
                        object.limit = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        object.state = message.state;
                    if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                        object.app = message.app;
                    if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                        object.limit = message.limit;
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.id = typeof message.id === "number" ? $BigInt(message.id) : $util.Long.fromBits(message.id.low >>> 0, message.id.high >>> 0, true).toBigInt();
                        else if (typeof message.id === "number")
                            object.id = options.longs === $String ? $String(message.id) : message.id;
                        else
                            object.id = options.longs === $String ? $util.Long.prototype.toString.call(message.id) : options.longs === $Number ? new $util.LongBits(message.id.low >>> 0, message.id.high >>> 0).toNumber(true) : message.id;
                    return object;
                };

                /**
                 * Converts this JobsRequest to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.JobsRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                JobsRequest.prototype.toJSON = function() {
                    return JobsRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                return JobsRequest;
            })();

            v1.ControlReply = (function() {

                /**
                 * Properties of a ControlReply.
                 * @typedef {Object} corral.control.v1.ControlReply.$Properties
                 * @property {number|null} [requestId] ControlReply requestId
                 * @property {corral.control.v1.ControlError.$Properties|null} [error] ControlReply error
                 * @property {corral.control.v1.PoolStatus.$Properties|null} [status] ControlReply status
                 * @property {corral.control.v1.Done.$Properties|null} [done] ControlReply done
                 * @property {corral.control.v1.TasksStatus.$Properties|null} [tasks] ControlReply tasks
                 * @property {corral.control.v1.JobList.$Properties|null} [jobs] ControlReply jobs
                 * @property {"status"|"done"|"tasks"|"jobs"} [body] ControlReply body
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ControlReply.
                 * @memberof corral.control.v1
                 * @interface IControlReply
                 * @augments corral.control.v1.ControlReply.$Properties
                 * @deprecated Use corral.control.v1.ControlReply.$Properties instead.
                 */

                /**
                 * Narrowed shape of a ControlReply.
                 * @typedef {{
                 *   requestId?: number|null;
                 *   error?: corral.control.v1.ControlError.$Shape|null;
                 *   status?: corral.control.v1.PoolStatus.$Shape|null;
                 *   done?: corral.control.v1.Done.$Shape|null;
                 *   tasks?: corral.control.v1.TasksStatus.$Shape|null;
                 *   jobs?: corral.control.v1.JobList.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ body?: undefined; status?: null; done?: null; tasks?: null; jobs?: null }|{ body?: "status"; status: corral.control.v1.PoolStatus.$Shape; done?: null; tasks?: null; jobs?: null }|{ body?: "done"; status?: null; done: corral.control.v1.Done.$Shape; tasks?: null; jobs?: null }|{ body?: "tasks"; status?: null; done?: null; tasks: corral.control.v1.TasksStatus.$Shape; jobs?: null }|{ body?: "jobs"; status?: null; done?: null; tasks?: null; jobs: corral.control.v1.JobList.$Shape })
                 * )} corral.control.v1.ControlReply.$Shape
                 */

                /**
                 * Constructs a new ControlReply.
                 * @memberof corral.control.v1
                 * @classdesc Represents a ControlReply.
                 * @constructor
                 * @param {corral.control.v1.ControlReply.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ControlReply = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ControlReply requestId.
                 * @member {number} requestId
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                ControlReply.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ControlReply error.
                 * @member {corral.control.v1.ControlError.$Properties|null|undefined} error
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                ControlReply.prototype.error = null;

                /**
                 * ControlReply status.
                 * @member {corral.control.v1.PoolStatus.$Properties|null|undefined} status
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                ControlReply.prototype.status = null;

                /**
                 * ControlReply done.
                 * @member {corral.control.v1.Done.$Properties|null|undefined} done
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                ControlReply.prototype.done = null;

                /**
                 * ControlReply tasks.
                 * @member {corral.control.v1.TasksStatus.$Properties|null|undefined} tasks
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                ControlReply.prototype.tasks = null;

                /**
                 * ControlReply jobs.
                 * @member {corral.control.v1.JobList.$Properties|null|undefined} jobs
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                ControlReply.prototype.jobs = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * ControlReply body.
                 * @member {"status"|"done"|"tasks"|"jobs"|undefined} body
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 */
                $Object.defineProperty(ControlReply.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["status", "done", "tasks", "jobs"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new ControlReply instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.ControlReply
                 * @static
                 * @param {corral.control.v1.ControlReply.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.ControlReply} ControlReply instance
                 * @type {{
                 *   (properties: corral.control.v1.ControlReply.$Shape): corral.control.v1.ControlReply & corral.control.v1.ControlReply.$Shape;
                 *   (properties?: corral.control.v1.ControlReply.$Properties): corral.control.v1.ControlReply;
                 * }}
                 */
                ControlReply.create = function(properties) {
                    return new ControlReply(properties);
                };

                /**
                 * Encodes the specified ControlReply message. Does not implicitly {@link corral.control.v1.ControlReply.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.ControlReply
                 * @static
                 * @param {corral.control.v1.ControlReply.$Properties} message ControlReply message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ControlReply.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                        $root.corral.control.v1.ControlError.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        $root.corral.control.v1.PoolStatus.encode(message.status, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.done != null && $Object.hasOwnProperty.call(message, "done"))
                        $root.corral.control.v1.Done.encode(message.done, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.tasks != null && $Object.hasOwnProperty.call(message, "tasks"))
                        $root.corral.control.v1.TasksStatus.encode(message.tasks, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                    if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs"))
                        $root.corral.control.v1.JobList.encode(message.jobs, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ControlReply message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.ControlReply
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.ControlReply & corral.control.v1.ControlReply.$Shape} ControlReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ControlReply.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.ControlReply();
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
                                message.error = $root.corral.control.v1.ControlError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                message.status = $root.corral.control.v1.PoolStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                                message.body = "status";
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.done = $root.corral.control.v1.Done.decode(reader, reader.size(), $undefined, _depth + 1, message.done);
                                message.body = "done";
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                message.tasks = $root.corral.control.v1.TasksStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.tasks);
                                message.body = "tasks";
                                continue;
                            }
                        case 16: {
                                if (wireType !== 2)
                                    break;
                                message.jobs = $root.corral.control.v1.JobList.decode(reader, reader.size(), $undefined, _depth + 1, message.jobs);
                                message.body = "jobs";
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
                 * Creates a ControlReply message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.ControlReply
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.ControlReply} ControlReply
                 */
                ControlReply.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.ControlReply)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.ControlReply: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.ControlReply();
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
                    if (object.error != null) {
                        if (!$util.isObject(object.error))
                            throw $TypeError(".corral.control.v1.ControlReply.error: object expected");
                        message.error = $root.corral.control.v1.ControlError.fromObject(object.error, _depth + 1);
                    }
                    if (object.status != null) {
                        if (!$util.isObject(object.status))
                            throw $TypeError(".corral.control.v1.ControlReply.status: object expected");
                        message.status = $root.corral.control.v1.PoolStatus.fromObject(object.status, _depth + 1);
                    }
                    if (object.done != null) {
                        if (!$util.isObject(object.done))
                            throw $TypeError(".corral.control.v1.ControlReply.done: object expected");
                        message.done = $root.corral.control.v1.Done.fromObject(object.done, _depth + 1);
                    }
                    if (object.tasks != null) {
                        if (!$util.isObject(object.tasks))
                            throw $TypeError(".corral.control.v1.ControlReply.tasks: object expected");
                        message.tasks = $root.corral.control.v1.TasksStatus.fromObject(object.tasks, _depth + 1);
                    }
                    if (object.jobs != null) {
                        if (!$util.isObject(object.jobs))
                            throw $TypeError(".corral.control.v1.ControlReply.jobs: object expected");
                        message.jobs = $root.corral.control.v1.JobList.fromObject(object.jobs, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a ControlReply message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.ControlReply
                 * @static
                 * @param {corral.control.v1.ControlReply} message ControlReply
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ControlReply.toObject = function (message, options, _depth) {
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
                        object.error = null;
                    }
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                        else if (typeof message.requestId === "number")
                            object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                        else
                            object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                        object.error = $root.corral.control.v1.ControlError.toObject(message.error, options, _depth + 1);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status")) {
                        object.status = $root.corral.control.v1.PoolStatus.toObject(message.status, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "status";
                    }
                    if (message.done != null && $Object.hasOwnProperty.call(message, "done")) {
                        object.done = $root.corral.control.v1.Done.toObject(message.done, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "done";
                    }
                    if (message.tasks != null && $Object.hasOwnProperty.call(message, "tasks")) {
                        object.tasks = $root.corral.control.v1.TasksStatus.toObject(message.tasks, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "tasks";
                    }
                    if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs")) {
                        object.jobs = $root.corral.control.v1.JobList.toObject(message.jobs, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "jobs";
                    }
                    return object;
                };

                /**
                 * Converts this ControlReply to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.ControlReply
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ControlReply.prototype.toJSON = function() {
                    return ControlReply.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ControlReply;
            })();

            v1.ControlError = (function() {

                /**
                 * Properties of a ControlError.
                 * @typedef {Object} corral.control.v1.ControlError.$Properties
                 * @property {string|null} [code] ControlError code
                 * @property {string|null} [message] ControlError message
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ControlError.
                 * @memberof corral.control.v1
                 * @interface IControlError
                 * @augments corral.control.v1.ControlError.$Properties
                 * @deprecated Use corral.control.v1.ControlError.$Properties instead.
                 */

                /**
                 * Shape of a ControlError.
                 * @typedef {corral.control.v1.ControlError.$Properties} corral.control.v1.ControlError.$Shape
                 */

                /**
                 * Constructs a new ControlError.
                 * @memberof corral.control.v1
                 * @classdesc Represents a ControlError.
                 * @constructor
                 * @param {corral.control.v1.ControlError.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ControlError = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ControlError code.
                 * @member {string} code
                 * @memberof corral.control.v1.ControlError
                 * @instance
                 */
                ControlError.prototype.code = "";

                /**
                 * ControlError message.
                 * @member {string} message
                 * @memberof corral.control.v1.ControlError
                 * @instance
                 */
                ControlError.prototype.message = "";

                /**
                 * Creates a new ControlError instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.ControlError
                 * @static
                 * @param {corral.control.v1.ControlError.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.ControlError} ControlError instance
                 * @type {{
                 *   (properties: corral.control.v1.ControlError.$Shape): corral.control.v1.ControlError & corral.control.v1.ControlError.$Shape;
                 *   (properties?: corral.control.v1.ControlError.$Properties): corral.control.v1.ControlError;
                 * }}
                 */
                ControlError.create = function(properties) {
                    return new ControlError(properties);
                };

                /**
                 * Encodes the specified ControlError message. Does not implicitly {@link corral.control.v1.ControlError.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.ControlError
                 * @static
                 * @param {corral.control.v1.ControlError.$Properties} message ControlError message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ControlError.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ControlError message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.ControlError
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.ControlError & corral.control.v1.ControlError.$Shape} ControlError
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ControlError.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.ControlError();
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
                 * Creates a ControlError message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.ControlError
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.ControlError} ControlError
                 */
                ControlError.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.ControlError)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.ControlError: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.ControlError();
                    if (object.code != null)
                        if (typeof object.code !== "string" || object.code.length)
                            message.code = $String(object.code);
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    return message;
                };

                /**
                 * Creates a plain object from a ControlError message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.ControlError
                 * @static
                 * @param {corral.control.v1.ControlError} message ControlError
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ControlError.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.code = "";
                        object.message = "";
                    }
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                        object.code = message.code;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    return object;
                };

                /**
                 * Converts this ControlError to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.ControlError
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ControlError.prototype.toJSON = function() {
                    return ControlError.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ControlError;
            })();

            v1.Done = (function() {

                /**
                 * Properties of a Done.
                 * @typedef {Object} corral.control.v1.Done.$Properties
                 * @property {string|null} [message] Done message
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Done.
                 * @memberof corral.control.v1
                 * @interface IDone
                 * @augments corral.control.v1.Done.$Properties
                 * @deprecated Use corral.control.v1.Done.$Properties instead.
                 */

                /**
                 * Shape of a Done.
                 * @typedef {corral.control.v1.Done.$Properties} corral.control.v1.Done.$Shape
                 */

                /**
                 * Constructs a new Done.
                 * @memberof corral.control.v1
                 * @classdesc Represents a Done.
                 * @constructor
                 * @param {corral.control.v1.Done.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Done = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Done message.
                 * @member {string} message
                 * @memberof corral.control.v1.Done
                 * @instance
                 */
                Done.prototype.message = "";

                /**
                 * Creates a new Done instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.Done
                 * @static
                 * @param {corral.control.v1.Done.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.Done} Done instance
                 * @type {{
                 *   (properties: corral.control.v1.Done.$Shape): corral.control.v1.Done & corral.control.v1.Done.$Shape;
                 *   (properties?: corral.control.v1.Done.$Properties): corral.control.v1.Done;
                 * }}
                 */
                Done.create = function(properties) {
                    return new Done(properties);
                };

                /**
                 * Encodes the specified Done message. Does not implicitly {@link corral.control.v1.Done.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.Done
                 * @static
                 * @param {corral.control.v1.Done.$Properties} message Done message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Done.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.message);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Done message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.Done
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.Done & corral.control.v1.Done.$Shape} Done
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Done.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.Done();
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
                                    message.message = value;
                                else
                                    delete message.message;
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
                 * Creates a Done message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.Done
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.Done} Done
                 */
                Done.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.Done)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.Done: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.Done();
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    return message;
                };

                /**
                 * Creates a plain object from a Done message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.Done
                 * @static
                 * @param {corral.control.v1.Done} message Done
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Done.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.message = "";
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    return object;
                };

                /**
                 * Converts this Done to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.Done
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Done.prototype.toJSON = function() {
                    return Done.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Done;
            })();

            /**
             * WorkerKind enum.
             * @name corral.control.v1.WorkerKind
             * @enum {number}
             * @property {number} WORKER_KIND_UNSPECIFIED=0 WORKER_KIND_UNSPECIFIED value
             * @property {number} WORKER_KIND_SOCKET=1 WORKER_KIND_SOCKET value
             * @property {number} WORKER_KIND_TASK=2 WORKER_KIND_TASK value
             */
            v1.WorkerKind = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "WORKER_KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "WORKER_KIND_SOCKET"] = 1;
                values[valuesById[2] = "WORKER_KIND_TASK"] = 2;
                return values;
            })();

            v1.PoolStatus = (function() {

                /**
                 * Properties of a PoolStatus.
                 * @typedef {Object} corral.control.v1.PoolStatus.$Properties
                 * @property {number|null} [controlVersion] PoolStatus controlVersion
                 * @property {number|null} [pid] PoolStatus pid
                 * @property {string|null} [implementation] PoolStatus implementation
                 * @property {string|null} [strategy] PoolStatus strategy
                 * @property {number|null} [generation] PoolStatus generation
                 * @property {number|null} [targetWorkers] PoolStatus targetWorkers
                 * @property {number|null} [targetTaskWorkers] PoolStatus targetTaskWorkers
                 * @property {Array.<string>|null} [listeners] PoolStatus listeners
                 * @property {number|null} [startedAtMs] PoolStatus startedAtMs
                 * @property {number|null} [uptimeMs] PoolStatus uptimeMs
                 * @property {number|null} [bootFailures] PoolStatus bootFailures
                 * @property {string|null} [state] PoolStatus state
                 * @property {Array.<corral.control.v1.WorkerStatus.$Properties>|null} [workers] PoolStatus workers
                 * @property {Array.<corral.control.v1.Restart.$Properties>|null} [restarts] PoolStatus restarts
                 * @property {corral.control.v1.Interval.$Properties|null} [interval] PoolStatus interval
                 * @property {number|null} [acceptedTotal] PoolStatus acceptedTotal
                 * @property {Array.<number>|null} [latencyBoundsUs] PoolStatus latencyBoundsUs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a PoolStatus.
                 * @memberof corral.control.v1
                 * @interface IPoolStatus
                 * @augments corral.control.v1.PoolStatus.$Properties
                 * @deprecated Use corral.control.v1.PoolStatus.$Properties instead.
                 */

                /**
                 * Shape of a PoolStatus.
                 * @typedef {corral.control.v1.PoolStatus.$Properties} corral.control.v1.PoolStatus.$Shape
                 */

                /**
                 * Constructs a new PoolStatus.
                 * @memberof corral.control.v1
                 * @classdesc Represents a PoolStatus.
                 * @constructor
                 * @param {corral.control.v1.PoolStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const PoolStatus = function (properties) {
                    this.listeners = [];
                    this.workers = [];
                    this.restarts = [];
                    this.latencyBoundsUs = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * PoolStatus controlVersion.
                 * @member {number} controlVersion
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.controlVersion = 0;

                /**
                 * PoolStatus pid.
                 * @member {number} pid
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.pid = 0;

                /**
                 * PoolStatus implementation.
                 * @member {string} implementation
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.implementation = "";

                /**
                 * PoolStatus strategy.
                 * @member {string} strategy
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.strategy = "";

                /**
                 * PoolStatus generation.
                 * @member {number} generation
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.generation = 0;

                /**
                 * PoolStatus targetWorkers.
                 * @member {number} targetWorkers
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.targetWorkers = 0;

                /**
                 * PoolStatus targetTaskWorkers.
                 * @member {number} targetTaskWorkers
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.targetTaskWorkers = 0;

                /**
                 * PoolStatus listeners.
                 * @member {Array.<string>} listeners
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.listeners = $util.emptyArray;

                /**
                 * PoolStatus startedAtMs.
                 * @member {number} startedAtMs
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * PoolStatus uptimeMs.
                 * @member {number} uptimeMs
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * PoolStatus bootFailures.
                 * @member {number} bootFailures
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.bootFailures = 0;

                /**
                 * PoolStatus state.
                 * @member {string} state
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.state = "";

                /**
                 * PoolStatus workers.
                 * @member {Array.<corral.control.v1.WorkerStatus.$Properties>} workers
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.workers = $util.emptyArray;

                /**
                 * PoolStatus restarts.
                 * @member {Array.<corral.control.v1.Restart.$Properties>} restarts
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.restarts = $util.emptyArray;

                /**
                 * PoolStatus interval.
                 * @member {corral.control.v1.Interval.$Properties|null|undefined} interval
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.interval = null;

                /**
                 * PoolStatus acceptedTotal.
                 * @member {number} acceptedTotal
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.acceptedTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * PoolStatus latencyBoundsUs.
                 * @member {Array.<number>} latencyBoundsUs
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 */
                PoolStatus.prototype.latencyBoundsUs = $util.emptyArray;

                /**
                 * Creates a new PoolStatus instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.PoolStatus
                 * @static
                 * @param {corral.control.v1.PoolStatus.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.PoolStatus} PoolStatus instance
                 * @type {{
                 *   (properties: corral.control.v1.PoolStatus.$Shape): corral.control.v1.PoolStatus & corral.control.v1.PoolStatus.$Shape;
                 *   (properties?: corral.control.v1.PoolStatus.$Properties): corral.control.v1.PoolStatus;
                 * }}
                 */
                PoolStatus.create = function(properties) {
                    return new PoolStatus(properties);
                };

                /**
                 * Encodes the specified PoolStatus message. Does not implicitly {@link corral.control.v1.PoolStatus.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.PoolStatus
                 * @static
                 * @param {corral.control.v1.PoolStatus.$Properties} message PoolStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                PoolStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.controlVersion != null && $Object.hasOwnProperty.call(message, "controlVersion") && message.controlVersion !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.controlVersion);
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.pid);
                    if (message.implementation != null && $Object.hasOwnProperty.call(message, "implementation") && message.implementation !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.implementation);
                    if (message.strategy != null && $Object.hasOwnProperty.call(message, "strategy") && message.strategy !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.strategy);
                    if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.generation);
                    if (message.targetWorkers != null && $Object.hasOwnProperty.call(message, "targetWorkers") && message.targetWorkers !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.targetWorkers);
                    if (message.targetTaskWorkers != null && $Object.hasOwnProperty.call(message, "targetTaskWorkers") && message.targetTaskWorkers !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.targetTaskWorkers);
                    if (message.listeners != null && message.listeners.length)
                        for (let i = 0; i < message.listeners.length; ++i)
                            writer.uint32(/* id 8, wireType 2 =*/66).string(message.listeners[i]);
                    if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs") && (typeof message.startedAtMs === "object" ? message.startedAtMs.low || message.startedAtMs.high : message.startedAtMs !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.startedAtMs);
                    if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs") && (typeof message.uptimeMs === "object" ? message.uptimeMs.low || message.uptimeMs.high : message.uptimeMs !== 0))
                        writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.uptimeMs);
                    if (message.bootFailures != null && $Object.hasOwnProperty.call(message, "bootFailures") && message.bootFailures !== 0)
                        writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.bootFailures);
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.state);
                    if (message.workers != null && message.workers.length)
                        for (let i = 0; i < message.workers.length; ++i)
                            $root.corral.control.v1.WorkerStatus.encode(message.workers[i], writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.restarts != null && message.restarts.length)
                        for (let i = 0; i < message.restarts.length; ++i)
                            $root.corral.control.v1.Restart.encode(message.restarts[i], writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                    if (message.interval != null && $Object.hasOwnProperty.call(message, "interval"))
                        $root.corral.control.v1.Interval.encode(message.interval, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                    if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal") && (typeof message.acceptedTotal === "object" ? message.acceptedTotal.low || message.acceptedTotal.high : message.acceptedTotal !== 0))
                        writer.uint32(/* id 16, wireType 0 =*/128).uint64(message.acceptedTotal);
                    if (message.latencyBoundsUs != null && message.latencyBoundsUs.length)
                        writer.uint32(/* id 17, wireType 2 =*/138).uint64s(message.latencyBoundsUs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a PoolStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.PoolStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.PoolStatus & corral.control.v1.PoolStatus.$Shape} PoolStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                PoolStatus.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.PoolStatus();
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
                                    message.controlVersion = value;
                                else
                                    delete message.controlVersion;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.pid = value;
                                else
                                    delete message.pid;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.implementation = value;
                                else
                                    delete message.implementation;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.strategy = value;
                                else
                                    delete message.strategy;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.generation = value;
                                else
                                    delete message.generation;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.targetWorkers = value;
                                else
                                    delete message.targetWorkers;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.targetTaskWorkers = value;
                                else
                                    delete message.targetTaskWorkers;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.listeners && message.listeners.length))
                                    message.listeners = [];
                                message.listeners.push(reader.stringVerify());
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.startedAtMs = value;
                                else
                                    delete message.startedAtMs;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.uptimeMs = value;
                                else
                                    delete message.uptimeMs;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bootFailures = value;
                                else
                                    delete message.bootFailures;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.state = value;
                                else
                                    delete message.state;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.workers && message.workers.length))
                                    message.workers = [];
                                message.workers.push($root.corral.control.v1.WorkerStatus.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.restarts && message.restarts.length))
                                    message.restarts = [];
                                message.restarts.push($root.corral.control.v1.Restart.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                message.interval = $root.corral.control.v1.Interval.decode(reader, reader.size(), $undefined, _depth + 1, message.interval);
                                continue;
                            }
                        case 16: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.acceptedTotal = value;
                                else
                                    delete message.acceptedTotal;
                                continue;
                            }
                        case 17: {
                                if (wireType === 2) {
                                    if (!(message.latencyBoundsUs && message.latencyBoundsUs.length))
                                        message.latencyBoundsUs = [];
                                    reader.uint64s(message.latencyBoundsUs);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.latencyBoundsUs && message.latencyBoundsUs.length))
                                    message.latencyBoundsUs = [];
                                message.latencyBoundsUs.push(reader.uint64());
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
                 * Creates a PoolStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.PoolStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.PoolStatus} PoolStatus
                 */
                PoolStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.PoolStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.PoolStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.PoolStatus();
                    if (object.controlVersion != null)
                        if ($Number(object.controlVersion) !== 0)
                            message.controlVersion = object.controlVersion >>> 0;
                    if (object.pid != null)
                        if ($Number(object.pid) !== 0)
                            message.pid = object.pid >>> 0;
                    if (object.implementation != null)
                        if (typeof object.implementation !== "string" || object.implementation.length)
                            message.implementation = $String(object.implementation);
                    if (object.strategy != null)
                        if (typeof object.strategy !== "string" || object.strategy.length)
                            message.strategy = $String(object.strategy);
                    if (object.generation != null)
                        if ($Number(object.generation) !== 0)
                            message.generation = object.generation >>> 0;
                    if (object.targetWorkers != null)
                        if ($Number(object.targetWorkers) !== 0)
                            message.targetWorkers = object.targetWorkers >>> 0;
                    if (object.targetTaskWorkers != null)
                        if ($Number(object.targetTaskWorkers) !== 0)
                            message.targetTaskWorkers = object.targetTaskWorkers >>> 0;
                    if (object.listeners) {
                        if (!$Array.isArray(object.listeners))
                            throw $TypeError(".corral.control.v1.PoolStatus.listeners: array expected");
                        message.listeners = $Array(object.listeners.length);
                        for (let i = 0; i < object.listeners.length; ++i)
                            message.listeners[i] = $String(object.listeners[i]);
                    }
                    if (object.startedAtMs != null)
                        if (typeof object.startedAtMs === "object" ? object.startedAtMs.low || object.startedAtMs.high : $Number(object.startedAtMs) !== 0)
                            if ($util.Long)
                                message.startedAtMs = $util.Long.fromValue(object.startedAtMs, true);
                            else if (typeof object.startedAtMs === "string")
                                message.startedAtMs = $parseInt(object.startedAtMs, 10);
                            else if (typeof object.startedAtMs === "number")
                                message.startedAtMs = object.startedAtMs;
                            else if (typeof object.startedAtMs === "object")
                                message.startedAtMs = new $util.LongBits(object.startedAtMs.low >>> 0, object.startedAtMs.high >>> 0).toNumber(true);
                    if (object.uptimeMs != null)
                        if (typeof object.uptimeMs === "object" ? object.uptimeMs.low || object.uptimeMs.high : $Number(object.uptimeMs) !== 0)
                            if ($util.Long)
                                message.uptimeMs = $util.Long.fromValue(object.uptimeMs, true);
                            else if (typeof object.uptimeMs === "string")
                                message.uptimeMs = $parseInt(object.uptimeMs, 10);
                            else if (typeof object.uptimeMs === "number")
                                message.uptimeMs = object.uptimeMs;
                            else if (typeof object.uptimeMs === "object")
                                message.uptimeMs = new $util.LongBits(object.uptimeMs.low >>> 0, object.uptimeMs.high >>> 0).toNumber(true);
                    if (object.bootFailures != null)
                        if ($Number(object.bootFailures) !== 0)
                            message.bootFailures = object.bootFailures >>> 0;
                    if (object.state != null)
                        if (typeof object.state !== "string" || object.state.length)
                            message.state = $String(object.state);
                    if (object.workers) {
                        if (!$Array.isArray(object.workers))
                            throw $TypeError(".corral.control.v1.PoolStatus.workers: array expected");
                        message.workers = $Array(object.workers.length);
                        for (let i = 0; i < object.workers.length; ++i) {
                            if (!$util.isObject(object.workers[i]))
                                throw $TypeError(".corral.control.v1.PoolStatus.workers: object expected");
                            message.workers[i] = $root.corral.control.v1.WorkerStatus.fromObject(object.workers[i], _depth + 1);
                        }
                    }
                    if (object.restarts) {
                        if (!$Array.isArray(object.restarts))
                            throw $TypeError(".corral.control.v1.PoolStatus.restarts: array expected");
                        message.restarts = $Array(object.restarts.length);
                        for (let i = 0; i < object.restarts.length; ++i) {
                            if (!$util.isObject(object.restarts[i]))
                                throw $TypeError(".corral.control.v1.PoolStatus.restarts: object expected");
                            message.restarts[i] = $root.corral.control.v1.Restart.fromObject(object.restarts[i], _depth + 1);
                        }
                    }
                    if (object.interval != null) {
                        if (!$util.isObject(object.interval))
                            throw $TypeError(".corral.control.v1.PoolStatus.interval: object expected");
                        message.interval = $root.corral.control.v1.Interval.fromObject(object.interval, _depth + 1);
                    }
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
                    if (object.latencyBoundsUs) {
                        if (!$Array.isArray(object.latencyBoundsUs))
                            throw $TypeError(".corral.control.v1.PoolStatus.latencyBoundsUs: array expected");
                        message.latencyBoundsUs = $Array(object.latencyBoundsUs.length);
                        for (let i = 0; i < object.latencyBoundsUs.length; ++i)
                            if ($util.Long)
                                message.latencyBoundsUs[i] = $util.Long.fromValue(object.latencyBoundsUs[i], true);
                            else if (typeof object.latencyBoundsUs[i] === "string")
                                message.latencyBoundsUs[i] = $parseInt(object.latencyBoundsUs[i], 10);
                            else if (typeof object.latencyBoundsUs[i] === "number")
                                message.latencyBoundsUs[i] = object.latencyBoundsUs[i];
                            else if (typeof object.latencyBoundsUs[i] === "object")
                                message.latencyBoundsUs[i] = new $util.LongBits(object.latencyBoundsUs[i].low >>> 0, object.latencyBoundsUs[i].high >>> 0).toNumber(true);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a PoolStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.PoolStatus
                 * @static
                 * @param {corral.control.v1.PoolStatus} message PoolStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                PoolStatus.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults) {
                        object.listeners = [];
                        object.workers = [];
                        object.restarts = [];
                        object.latencyBoundsUs = [];
                    }
                    if (options.defaults) {
                        object.controlVersion = 0;
                        object.pid = 0;
                        object.implementation = "";
                        object.strategy = "";
                        object.generation = 0;
                        object.targetWorkers = 0;
                        object.targetTaskWorkers = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.startedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.startedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.uptimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.uptimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.bootFailures = 0;
                        object.state = "";
                        object.interval = null;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.acceptedTotal = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.acceptedTotal = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.controlVersion != null && $Object.hasOwnProperty.call(message, "controlVersion"))
                        object.controlVersion = message.controlVersion;
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                        object.pid = message.pid;
                    if (message.implementation != null && $Object.hasOwnProperty.call(message, "implementation"))
                        object.implementation = message.implementation;
                    if (message.strategy != null && $Object.hasOwnProperty.call(message, "strategy"))
                        object.strategy = message.strategy;
                    if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                        object.generation = message.generation;
                    if (message.targetWorkers != null && $Object.hasOwnProperty.call(message, "targetWorkers"))
                        object.targetWorkers = message.targetWorkers;
                    if (message.targetTaskWorkers != null && $Object.hasOwnProperty.call(message, "targetTaskWorkers"))
                        object.targetTaskWorkers = message.targetTaskWorkers;
                    if (message.listeners && message.listeners.length) {
                        object.listeners = $Array(message.listeners.length);
                        for (let j = 0; j < message.listeners.length; ++j)
                            object.listeners[j] = message.listeners[j];
                    }
                    if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.startedAtMs = typeof message.startedAtMs === "number" ? $BigInt(message.startedAtMs) : $util.Long.fromBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.startedAtMs === "number")
                            object.startedAtMs = options.longs === $String ? $String(message.startedAtMs) : message.startedAtMs;
                        else
                            object.startedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startedAtMs) : options.longs === $Number ? new $util.LongBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0).toNumber(true) : message.startedAtMs;
                    if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.uptimeMs = typeof message.uptimeMs === "number" ? $BigInt(message.uptimeMs) : $util.Long.fromBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.uptimeMs === "number")
                            object.uptimeMs = options.longs === $String ? $String(message.uptimeMs) : message.uptimeMs;
                        else
                            object.uptimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeMs) : options.longs === $Number ? new $util.LongBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0).toNumber(true) : message.uptimeMs;
                    if (message.bootFailures != null && $Object.hasOwnProperty.call(message, "bootFailures"))
                        object.bootFailures = message.bootFailures;
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        object.state = message.state;
                    if (message.workers && message.workers.length) {
                        object.workers = $Array(message.workers.length);
                        for (let j = 0; j < message.workers.length; ++j)
                            object.workers[j] = $root.corral.control.v1.WorkerStatus.toObject(message.workers[j], options, _depth + 1);
                    }
                    if (message.restarts && message.restarts.length) {
                        object.restarts = $Array(message.restarts.length);
                        for (let j = 0; j < message.restarts.length; ++j)
                            object.restarts[j] = $root.corral.control.v1.Restart.toObject(message.restarts[j], options, _depth + 1);
                    }
                    if (message.interval != null && $Object.hasOwnProperty.call(message, "interval"))
                        object.interval = $root.corral.control.v1.Interval.toObject(message.interval, options, _depth + 1);
                    if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.acceptedTotal = typeof message.acceptedTotal === "number" ? $BigInt(message.acceptedTotal) : $util.Long.fromBits(message.acceptedTotal.low >>> 0, message.acceptedTotal.high >>> 0, true).toBigInt();
                        else if (typeof message.acceptedTotal === "number")
                            object.acceptedTotal = options.longs === $String ? $String(message.acceptedTotal) : message.acceptedTotal;
                        else
                            object.acceptedTotal = options.longs === $String ? $util.Long.prototype.toString.call(message.acceptedTotal) : options.longs === $Number ? new $util.LongBits(message.acceptedTotal.low >>> 0, message.acceptedTotal.high >>> 0).toNumber(true) : message.acceptedTotal;
                    if (message.latencyBoundsUs && message.latencyBoundsUs.length) {
                        object.latencyBoundsUs = $Array(message.latencyBoundsUs.length);
                        for (let j = 0; j < message.latencyBoundsUs.length; ++j)
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.latencyBoundsUs[j] = typeof message.latencyBoundsUs[j] === "number" ? $BigInt(message.latencyBoundsUs[j]) : $util.Long.fromBits(message.latencyBoundsUs[j].low >>> 0, message.latencyBoundsUs[j].high >>> 0, true).toBigInt();
                            else if (typeof message.latencyBoundsUs[j] === "number")
                                object.latencyBoundsUs[j] = options.longs === $String ? $String(message.latencyBoundsUs[j]) : message.latencyBoundsUs[j];
                            else
                                object.latencyBoundsUs[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.latencyBoundsUs[j]) : options.longs === $Number ? new $util.LongBits(message.latencyBoundsUs[j].low >>> 0, message.latencyBoundsUs[j].high >>> 0).toNumber(true) : message.latencyBoundsUs[j];
                    }
                    return object;
                };

                /**
                 * Converts this PoolStatus to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.PoolStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                PoolStatus.prototype.toJSON = function() {
                    return PoolStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                return PoolStatus;
            })();

            v1.WorkerStatus = (function() {

                /**
                 * Properties of a WorkerStatus.
                 * @typedef {Object} corral.control.v1.WorkerStatus.$Properties
                 * @property {number|null} [id] WorkerStatus id
                 * @property {corral.control.v1.WorkerKind|null} [kind] WorkerStatus kind
                 * @property {number|null} [pid] WorkerStatus pid
                 * @property {number|null} [generation] WorkerStatus generation
                 * @property {string|null} [state] WorkerStatus state
                 * @property {number|null} [inFlight] WorkerStatus inFlight
                 * @property {number|null} [capacity] WorkerStatus capacity
                 * @property {number|null} [acceptedTotal] WorkerStatus acceptedTotal
                 * @property {number|null} [requestsTotal] WorkerStatus requestsTotal
                 * @property {number|null} [rssBytes] WorkerStatus rssBytes
                 * @property {number|null} [cpuUs] WorkerStatus cpuUs
                 * @property {number|null} [heartbeatAgeMs] WorkerStatus heartbeatAgeMs
                 * @property {number|null} [ageMs] WorkerStatus ageMs
                 * @property {number|null} [wakeupsTotal] WorkerStatus wakeupsTotal
                 * @property {Array.<number>|null} [latencyCounts] WorkerStatus latencyCounts
                 * @property {number|null} [jobsCompleted] WorkerStatus jobsCompleted
                 * @property {number|null} [cpuPermille] WorkerStatus cpuPermille
                 * @property {number|null} [acceptsPerSecond] WorkerStatus acceptsPerSecond
                 * @property {number|null} [p99Us] WorkerStatus p99Us
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a WorkerStatus.
                 * @memberof corral.control.v1
                 * @interface IWorkerStatus
                 * @augments corral.control.v1.WorkerStatus.$Properties
                 * @deprecated Use corral.control.v1.WorkerStatus.$Properties instead.
                 */

                /**
                 * Shape of a WorkerStatus.
                 * @typedef {corral.control.v1.WorkerStatus.$Properties} corral.control.v1.WorkerStatus.$Shape
                 */

                /**
                 * Constructs a new WorkerStatus.
                 * @memberof corral.control.v1
                 * @classdesc Represents a WorkerStatus.
                 * @constructor
                 * @param {corral.control.v1.WorkerStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const WorkerStatus = function (properties) {
                    this.latencyCounts = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * WorkerStatus id.
                 * @member {number} id
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.id = 0;

                /**
                 * WorkerStatus kind.
                 * @member {corral.control.v1.WorkerKind} kind
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.kind = 0;

                /**
                 * WorkerStatus pid.
                 * @member {number} pid
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.pid = 0;

                /**
                 * WorkerStatus generation.
                 * @member {number} generation
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.generation = 0;

                /**
                 * WorkerStatus state.
                 * @member {string} state
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.state = "";

                /**
                 * WorkerStatus inFlight.
                 * @member {number} inFlight
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.inFlight = 0;

                /**
                 * WorkerStatus capacity.
                 * @member {number} capacity
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.capacity = 0;

                /**
                 * WorkerStatus acceptedTotal.
                 * @member {number} acceptedTotal
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.acceptedTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus requestsTotal.
                 * @member {number} requestsTotal
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.requestsTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus rssBytes.
                 * @member {number} rssBytes
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.rssBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus cpuUs.
                 * @member {number} cpuUs
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.cpuUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus heartbeatAgeMs.
                 * @member {number} heartbeatAgeMs
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.heartbeatAgeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus ageMs.
                 * @member {number} ageMs
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.ageMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus wakeupsTotal.
                 * @member {number} wakeupsTotal
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.wakeupsTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus latencyCounts.
                 * @member {Array.<number>} latencyCounts
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.latencyCounts = $util.emptyArray;

                /**
                 * WorkerStatus jobsCompleted.
                 * @member {number} jobsCompleted
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.jobsCompleted = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkerStatus cpuPermille.
                 * @member {number} cpuPermille
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.cpuPermille = 0;

                /**
                 * WorkerStatus acceptsPerSecond.
                 * @member {number} acceptsPerSecond
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.acceptsPerSecond = 0;

                /**
                 * WorkerStatus p99Us.
                 * @member {number} p99Us
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 */
                WorkerStatus.prototype.p99Us = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new WorkerStatus instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.WorkerStatus
                 * @static
                 * @param {corral.control.v1.WorkerStatus.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.WorkerStatus} WorkerStatus instance
                 * @type {{
                 *   (properties: corral.control.v1.WorkerStatus.$Shape): corral.control.v1.WorkerStatus & corral.control.v1.WorkerStatus.$Shape;
                 *   (properties?: corral.control.v1.WorkerStatus.$Properties): corral.control.v1.WorkerStatus;
                 * }}
                 */
                WorkerStatus.create = function(properties) {
                    return new WorkerStatus(properties);
                };

                /**
                 * Encodes the specified WorkerStatus message. Does not implicitly {@link corral.control.v1.WorkerStatus.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.WorkerStatus
                 * @static
                 * @param {corral.control.v1.WorkerStatus.$Properties} message WorkerStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                WorkerStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.pid);
                    if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.generation);
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.state);
                    if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight") && message.inFlight !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.inFlight);
                    if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.capacity);
                    if (message.acceptedTotal != null && $Object.hasOwnProperty.call(message, "acceptedTotal") && (typeof message.acceptedTotal === "object" ? message.acceptedTotal.low || message.acceptedTotal.high : message.acceptedTotal !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.acceptedTotal);
                    if (message.requestsTotal != null && $Object.hasOwnProperty.call(message, "requestsTotal") && (typeof message.requestsTotal === "object" ? message.requestsTotal.low || message.requestsTotal.high : message.requestsTotal !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.requestsTotal);
                    if (message.rssBytes != null && $Object.hasOwnProperty.call(message, "rssBytes") && (typeof message.rssBytes === "object" ? message.rssBytes.low || message.rssBytes.high : message.rssBytes !== 0))
                        writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.rssBytes);
                    if (message.cpuUs != null && $Object.hasOwnProperty.call(message, "cpuUs") && (typeof message.cpuUs === "object" ? message.cpuUs.low || message.cpuUs.high : message.cpuUs !== 0))
                        writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.cpuUs);
                    if (message.heartbeatAgeMs != null && $Object.hasOwnProperty.call(message, "heartbeatAgeMs") && (typeof message.heartbeatAgeMs === "object" ? message.heartbeatAgeMs.low || message.heartbeatAgeMs.high : message.heartbeatAgeMs !== 0))
                        writer.uint32(/* id 12, wireType 0 =*/96).uint64(message.heartbeatAgeMs);
                    if (message.ageMs != null && $Object.hasOwnProperty.call(message, "ageMs") && (typeof message.ageMs === "object" ? message.ageMs.low || message.ageMs.high : message.ageMs !== 0))
                        writer.uint32(/* id 13, wireType 0 =*/104).uint64(message.ageMs);
                    if (message.wakeupsTotal != null && $Object.hasOwnProperty.call(message, "wakeupsTotal") && (typeof message.wakeupsTotal === "object" ? message.wakeupsTotal.low || message.wakeupsTotal.high : message.wakeupsTotal !== 0))
                        writer.uint32(/* id 14, wireType 0 =*/112).uint64(message.wakeupsTotal);
                    if (message.latencyCounts != null && message.latencyCounts.length)
                        writer.uint32(/* id 15, wireType 2 =*/122).uint64s(message.latencyCounts);
                    if (message.jobsCompleted != null && $Object.hasOwnProperty.call(message, "jobsCompleted") && (typeof message.jobsCompleted === "object" ? message.jobsCompleted.low || message.jobsCompleted.high : message.jobsCompleted !== 0))
                        writer.uint32(/* id 16, wireType 0 =*/128).uint64(message.jobsCompleted);
                    if (message.cpuPermille != null && $Object.hasOwnProperty.call(message, "cpuPermille") && message.cpuPermille !== 0)
                        writer.uint32(/* id 17, wireType 0 =*/136).uint32(message.cpuPermille);
                    if (message.acceptsPerSecond != null && $Object.hasOwnProperty.call(message, "acceptsPerSecond") && !$Object.is(message.acceptsPerSecond, 0))
                        writer.uint32(/* id 18, wireType 1 =*/145).double(message.acceptsPerSecond);
                    if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us") && (typeof message.p99Us === "object" ? message.p99Us.low || message.p99Us.high : message.p99Us !== 0))
                        writer.uint32(/* id 19, wireType 0 =*/152).uint64(message.p99Us);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a WorkerStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.WorkerStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.WorkerStatus & corral.control.v1.WorkerStatus.$Shape} WorkerStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                WorkerStatus.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.WorkerStatus();
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
                                    message.id = value;
                                else
                                    delete message.id;
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.generation = value;
                                else
                                    delete message.generation;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.state = value;
                                else
                                    delete message.state;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.inFlight = value;
                                else
                                    delete message.inFlight;
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
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.acceptedTotal = value;
                                else
                                    delete message.acceptedTotal;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestsTotal = value;
                                else
                                    delete message.requestsTotal;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.rssBytes = value;
                                else
                                    delete message.rssBytes;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.cpuUs = value;
                                else
                                    delete message.cpuUs;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.heartbeatAgeMs = value;
                                else
                                    delete message.heartbeatAgeMs;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.ageMs = value;
                                else
                                    delete message.ageMs;
                                continue;
                            }
                        case 14: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.wakeupsTotal = value;
                                else
                                    delete message.wakeupsTotal;
                                continue;
                            }
                        case 15: {
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
                        case 16: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.jobsCompleted = value;
                                else
                                    delete message.jobsCompleted;
                                continue;
                            }
                        case 17: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.cpuPermille = value;
                                else
                                    delete message.cpuPermille;
                                continue;
                            }
                        case 18: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.acceptsPerSecond = value;
                                else
                                    delete message.acceptsPerSecond;
                                continue;
                            }
                        case 19: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.p99Us = value;
                                else
                                    delete message.p99Us;
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
                 * Creates a WorkerStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.WorkerStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.WorkerStatus} WorkerStatus
                 */
                WorkerStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.WorkerStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.WorkerStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.WorkerStatus();
                    if (object.id != null)
                        if ($Number(object.id) !== 0)
                            message.id = object.id >>> 0;
                    if (object.kind !== 0 && (typeof object.kind !== "string" || $root.corral.control.v1.WorkerKind[object.kind] !== 0))
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
                        default:
                            if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                                message.kind = object.kind;
                        }
                    if (object.pid != null)
                        if ($Number(object.pid) !== 0)
                            message.pid = object.pid >>> 0;
                    if (object.generation != null)
                        if ($Number(object.generation) !== 0)
                            message.generation = object.generation >>> 0;
                    if (object.state != null)
                        if (typeof object.state !== "string" || object.state.length)
                            message.state = $String(object.state);
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
                    if (object.rssBytes != null)
                        if (typeof object.rssBytes === "object" ? object.rssBytes.low || object.rssBytes.high : $Number(object.rssBytes) !== 0)
                            if ($util.Long)
                                message.rssBytes = $util.Long.fromValue(object.rssBytes, true);
                            else if (typeof object.rssBytes === "string")
                                message.rssBytes = $parseInt(object.rssBytes, 10);
                            else if (typeof object.rssBytes === "number")
                                message.rssBytes = object.rssBytes;
                            else if (typeof object.rssBytes === "object")
                                message.rssBytes = new $util.LongBits(object.rssBytes.low >>> 0, object.rssBytes.high >>> 0).toNumber(true);
                    if (object.cpuUs != null)
                        if (typeof object.cpuUs === "object" ? object.cpuUs.low || object.cpuUs.high : $Number(object.cpuUs) !== 0)
                            if ($util.Long)
                                message.cpuUs = $util.Long.fromValue(object.cpuUs, true);
                            else if (typeof object.cpuUs === "string")
                                message.cpuUs = $parseInt(object.cpuUs, 10);
                            else if (typeof object.cpuUs === "number")
                                message.cpuUs = object.cpuUs;
                            else if (typeof object.cpuUs === "object")
                                message.cpuUs = new $util.LongBits(object.cpuUs.low >>> 0, object.cpuUs.high >>> 0).toNumber(true);
                    if (object.heartbeatAgeMs != null)
                        if (typeof object.heartbeatAgeMs === "object" ? object.heartbeatAgeMs.low || object.heartbeatAgeMs.high : $Number(object.heartbeatAgeMs) !== 0)
                            if ($util.Long)
                                message.heartbeatAgeMs = $util.Long.fromValue(object.heartbeatAgeMs, true);
                            else if (typeof object.heartbeatAgeMs === "string")
                                message.heartbeatAgeMs = $parseInt(object.heartbeatAgeMs, 10);
                            else if (typeof object.heartbeatAgeMs === "number")
                                message.heartbeatAgeMs = object.heartbeatAgeMs;
                            else if (typeof object.heartbeatAgeMs === "object")
                                message.heartbeatAgeMs = new $util.LongBits(object.heartbeatAgeMs.low >>> 0, object.heartbeatAgeMs.high >>> 0).toNumber(true);
                    if (object.ageMs != null)
                        if (typeof object.ageMs === "object" ? object.ageMs.low || object.ageMs.high : $Number(object.ageMs) !== 0)
                            if ($util.Long)
                                message.ageMs = $util.Long.fromValue(object.ageMs, true);
                            else if (typeof object.ageMs === "string")
                                message.ageMs = $parseInt(object.ageMs, 10);
                            else if (typeof object.ageMs === "number")
                                message.ageMs = object.ageMs;
                            else if (typeof object.ageMs === "object")
                                message.ageMs = new $util.LongBits(object.ageMs.low >>> 0, object.ageMs.high >>> 0).toNumber(true);
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
                            throw $TypeError(".corral.control.v1.WorkerStatus.latencyCounts: array expected");
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
                    if (object.jobsCompleted != null)
                        if (typeof object.jobsCompleted === "object" ? object.jobsCompleted.low || object.jobsCompleted.high : $Number(object.jobsCompleted) !== 0)
                            if ($util.Long)
                                message.jobsCompleted = $util.Long.fromValue(object.jobsCompleted, true);
                            else if (typeof object.jobsCompleted === "string")
                                message.jobsCompleted = $parseInt(object.jobsCompleted, 10);
                            else if (typeof object.jobsCompleted === "number")
                                message.jobsCompleted = object.jobsCompleted;
                            else if (typeof object.jobsCompleted === "object")
                                message.jobsCompleted = new $util.LongBits(object.jobsCompleted.low >>> 0, object.jobsCompleted.high >>> 0).toNumber(true);
                    if (object.cpuPermille != null)
                        if ($Number(object.cpuPermille) !== 0)
                            message.cpuPermille = object.cpuPermille >>> 0;
                    if (object.acceptsPerSecond != null)
                        if (!$Object.is($Number(object.acceptsPerSecond), 0))
                            message.acceptsPerSecond = $Number(object.acceptsPerSecond);
                    if (object.p99Us != null)
                        if (typeof object.p99Us === "object" ? object.p99Us.low || object.p99Us.high : $Number(object.p99Us) !== 0)
                            if ($util.Long)
                                message.p99Us = $util.Long.fromValue(object.p99Us, true);
                            else if (typeof object.p99Us === "string")
                                message.p99Us = $parseInt(object.p99Us, 10);
                            else if (typeof object.p99Us === "number")
                                message.p99Us = object.p99Us;
                            else if (typeof object.p99Us === "object")
                                message.p99Us = new $util.LongBits(object.p99Us.low >>> 0, object.p99Us.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a WorkerStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.WorkerStatus
                 * @static
                 * @param {corral.control.v1.WorkerStatus} message WorkerStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                WorkerStatus.toObject = function (message, options, _depth) {
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
                        object.id = 0;
                        object.kind = options.enums === $String ? "WORKER_KIND_UNSPECIFIED" : 0;
                        object.pid = 0;
                        object.generation = 0;
                        object.state = "";
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
                            object.rssBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.rssBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.cpuUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.cpuUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.heartbeatAgeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.heartbeatAgeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.ageMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.ageMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.wakeupsTotal = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.wakeupsTotal = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.jobsCompleted = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.jobsCompleted = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.cpuPermille = 0;
                        object.acceptsPerSecond = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.p99Us = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.p99Us = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                        object.id = message.id;
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        object.kind = options.enums === $String ? $root.corral.control.v1.WorkerKind[message.kind] === $undefined ? message.kind : $root.corral.control.v1.WorkerKind[message.kind] : message.kind;
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                        object.pid = message.pid;
                    if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                        object.generation = message.generation;
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        object.state = message.state;
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
                    if (message.rssBytes != null && $Object.hasOwnProperty.call(message, "rssBytes"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.rssBytes = typeof message.rssBytes === "number" ? $BigInt(message.rssBytes) : $util.Long.fromBits(message.rssBytes.low >>> 0, message.rssBytes.high >>> 0, true).toBigInt();
                        else if (typeof message.rssBytes === "number")
                            object.rssBytes = options.longs === $String ? $String(message.rssBytes) : message.rssBytes;
                        else
                            object.rssBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.rssBytes) : options.longs === $Number ? new $util.LongBits(message.rssBytes.low >>> 0, message.rssBytes.high >>> 0).toNumber(true) : message.rssBytes;
                    if (message.cpuUs != null && $Object.hasOwnProperty.call(message, "cpuUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.cpuUs = typeof message.cpuUs === "number" ? $BigInt(message.cpuUs) : $util.Long.fromBits(message.cpuUs.low >>> 0, message.cpuUs.high >>> 0, true).toBigInt();
                        else if (typeof message.cpuUs === "number")
                            object.cpuUs = options.longs === $String ? $String(message.cpuUs) : message.cpuUs;
                        else
                            object.cpuUs = options.longs === $String ? $util.Long.prototype.toString.call(message.cpuUs) : options.longs === $Number ? new $util.LongBits(message.cpuUs.low >>> 0, message.cpuUs.high >>> 0).toNumber(true) : message.cpuUs;
                    if (message.heartbeatAgeMs != null && $Object.hasOwnProperty.call(message, "heartbeatAgeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.heartbeatAgeMs = typeof message.heartbeatAgeMs === "number" ? $BigInt(message.heartbeatAgeMs) : $util.Long.fromBits(message.heartbeatAgeMs.low >>> 0, message.heartbeatAgeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.heartbeatAgeMs === "number")
                            object.heartbeatAgeMs = options.longs === $String ? $String(message.heartbeatAgeMs) : message.heartbeatAgeMs;
                        else
                            object.heartbeatAgeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.heartbeatAgeMs) : options.longs === $Number ? new $util.LongBits(message.heartbeatAgeMs.low >>> 0, message.heartbeatAgeMs.high >>> 0).toNumber(true) : message.heartbeatAgeMs;
                    if (message.ageMs != null && $Object.hasOwnProperty.call(message, "ageMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.ageMs = typeof message.ageMs === "number" ? $BigInt(message.ageMs) : $util.Long.fromBits(message.ageMs.low >>> 0, message.ageMs.high >>> 0, true).toBigInt();
                        else if (typeof message.ageMs === "number")
                            object.ageMs = options.longs === $String ? $String(message.ageMs) : message.ageMs;
                        else
                            object.ageMs = options.longs === $String ? $util.Long.prototype.toString.call(message.ageMs) : options.longs === $Number ? new $util.LongBits(message.ageMs.low >>> 0, message.ageMs.high >>> 0).toNumber(true) : message.ageMs;
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
                    if (message.jobsCompleted != null && $Object.hasOwnProperty.call(message, "jobsCompleted"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.jobsCompleted = typeof message.jobsCompleted === "number" ? $BigInt(message.jobsCompleted) : $util.Long.fromBits(message.jobsCompleted.low >>> 0, message.jobsCompleted.high >>> 0, true).toBigInt();
                        else if (typeof message.jobsCompleted === "number")
                            object.jobsCompleted = options.longs === $String ? $String(message.jobsCompleted) : message.jobsCompleted;
                        else
                            object.jobsCompleted = options.longs === $String ? $util.Long.prototype.toString.call(message.jobsCompleted) : options.longs === $Number ? new $util.LongBits(message.jobsCompleted.low >>> 0, message.jobsCompleted.high >>> 0).toNumber(true) : message.jobsCompleted;
                    if (message.cpuPermille != null && $Object.hasOwnProperty.call(message, "cpuPermille"))
                        object.cpuPermille = message.cpuPermille;
                    if (message.acceptsPerSecond != null && $Object.hasOwnProperty.call(message, "acceptsPerSecond"))
                        object.acceptsPerSecond = options.json && !$isFinite(message.acceptsPerSecond) ? $String(message.acceptsPerSecond) : message.acceptsPerSecond;
                    if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.p99Us = typeof message.p99Us === "number" ? $BigInt(message.p99Us) : $util.Long.fromBits(message.p99Us.low >>> 0, message.p99Us.high >>> 0, true).toBigInt();
                        else if (typeof message.p99Us === "number")
                            object.p99Us = options.longs === $String ? $String(message.p99Us) : message.p99Us;
                        else
                            object.p99Us = options.longs === $String ? $util.Long.prototype.toString.call(message.p99Us) : options.longs === $Number ? new $util.LongBits(message.p99Us.low >>> 0, message.p99Us.high >>> 0).toNumber(true) : message.p99Us;
                    return object;
                };

                /**
                 * Converts this WorkerStatus to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.WorkerStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                WorkerStatus.prototype.toJSON = function() {
                    return WorkerStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                return WorkerStatus;
            })();

            v1.Restart = (function() {

                /**
                 * Properties of a Restart.
                 * @typedef {Object} corral.control.v1.Restart.$Properties
                 * @property {string|null} [reason] Restart reason
                 * @property {number|null} [count] Restart count
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Restart.
                 * @memberof corral.control.v1
                 * @interface IRestart
                 * @augments corral.control.v1.Restart.$Properties
                 * @deprecated Use corral.control.v1.Restart.$Properties instead.
                 */

                /**
                 * Shape of a Restart.
                 * @typedef {corral.control.v1.Restart.$Properties} corral.control.v1.Restart.$Shape
                 */

                /**
                 * Constructs a new Restart.
                 * @memberof corral.control.v1
                 * @classdesc Represents a Restart.
                 * @constructor
                 * @param {corral.control.v1.Restart.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Restart = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Restart reason.
                 * @member {string} reason
                 * @memberof corral.control.v1.Restart
                 * @instance
                 */
                Restart.prototype.reason = "";

                /**
                 * Restart count.
                 * @member {number} count
                 * @memberof corral.control.v1.Restart
                 * @instance
                 */
                Restart.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Restart instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.Restart
                 * @static
                 * @param {corral.control.v1.Restart.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.Restart} Restart instance
                 * @type {{
                 *   (properties: corral.control.v1.Restart.$Shape): corral.control.v1.Restart & corral.control.v1.Restart.$Shape;
                 *   (properties?: corral.control.v1.Restart.$Properties): corral.control.v1.Restart;
                 * }}
                 */
                Restart.create = function(properties) {
                    return new Restart(properties);
                };

                /**
                 * Encodes the specified Restart message. Does not implicitly {@link corral.control.v1.Restart.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.Restart
                 * @static
                 * @param {corral.control.v1.Restart.$Properties} message Restart message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Restart.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.reason);
                    if (message.count != null && $Object.hasOwnProperty.call(message, "count") && (typeof message.count === "object" ? message.count.low || message.count.high : message.count !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.count);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Restart message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.Restart
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.Restart & corral.control.v1.Restart.$Shape} Restart
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Restart.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.Restart();
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
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.count = value;
                                else
                                    delete message.count;
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
                 * Creates a Restart message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.Restart
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.Restart} Restart
                 */
                Restart.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.Restart)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.Restart: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.Restart();
                    if (object.reason != null)
                        if (typeof object.reason !== "string" || object.reason.length)
                            message.reason = $String(object.reason);
                    if (object.count != null)
                        if (typeof object.count === "object" ? object.count.low || object.count.high : $Number(object.count) !== 0)
                            if ($util.Long)
                                message.count = $util.Long.fromValue(object.count, true);
                            else if (typeof object.count === "string")
                                message.count = $parseInt(object.count, 10);
                            else if (typeof object.count === "number")
                                message.count = object.count;
                            else if (typeof object.count === "object")
                                message.count = new $util.LongBits(object.count.low >>> 0, object.count.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a Restart message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.Restart
                 * @static
                 * @param {corral.control.v1.Restart} message Restart
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Restart.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.reason = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.count = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.count = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                        object.reason = message.reason;
                    if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.count = typeof message.count === "number" ? $BigInt(message.count) : $util.Long.fromBits(message.count.low >>> 0, message.count.high >>> 0, true).toBigInt();
                        else if (typeof message.count === "number")
                            object.count = options.longs === $String ? $String(message.count) : message.count;
                        else
                            object.count = options.longs === $String ? $util.Long.prototype.toString.call(message.count) : options.longs === $Number ? new $util.LongBits(message.count.low >>> 0, message.count.high >>> 0).toNumber(true) : message.count;
                    return object;
                };

                /**
                 * Converts this Restart to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.Restart
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Restart.prototype.toJSON = function() {
                    return Restart.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Restart;
            })();

            v1.Interval = (function() {

                /**
                 * Properties of an Interval.
                 * @typedef {Object} corral.control.v1.Interval.$Properties
                 * @property {number|null} [durationMs] Interval durationMs
                 * @property {number|null} [accepted] Interval accepted
                 * @property {number|null} [requests] Interval requests
                 * @property {number|null} [p50Us] Interval p50Us
                 * @property {number|null} [p99Us] Interval p99Us
                 * @property {number|null} [jobs] Interval jobs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Interval.
                 * @memberof corral.control.v1
                 * @interface IInterval
                 * @augments corral.control.v1.Interval.$Properties
                 * @deprecated Use corral.control.v1.Interval.$Properties instead.
                 */

                /**
                 * Shape of an Interval.
                 * @typedef {corral.control.v1.Interval.$Properties} corral.control.v1.Interval.$Shape
                 */

                /**
                 * Constructs a new Interval.
                 * @memberof corral.control.v1
                 * @classdesc Represents an Interval.
                 * @constructor
                 * @param {corral.control.v1.Interval.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Interval = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Interval durationMs.
                 * @member {number} durationMs
                 * @memberof corral.control.v1.Interval
                 * @instance
                 */
                Interval.prototype.durationMs = 0;

                /**
                 * Interval accepted.
                 * @member {number} accepted
                 * @memberof corral.control.v1.Interval
                 * @instance
                 */
                Interval.prototype.accepted = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Interval requests.
                 * @member {number} requests
                 * @memberof corral.control.v1.Interval
                 * @instance
                 */
                Interval.prototype.requests = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Interval p50Us.
                 * @member {number} p50Us
                 * @memberof corral.control.v1.Interval
                 * @instance
                 */
                Interval.prototype.p50Us = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Interval p99Us.
                 * @member {number} p99Us
                 * @memberof corral.control.v1.Interval
                 * @instance
                 */
                Interval.prototype.p99Us = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Interval jobs.
                 * @member {number} jobs
                 * @memberof corral.control.v1.Interval
                 * @instance
                 */
                Interval.prototype.jobs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Interval instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.Interval
                 * @static
                 * @param {corral.control.v1.Interval.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.Interval} Interval instance
                 * @type {{
                 *   (properties: corral.control.v1.Interval.$Shape): corral.control.v1.Interval & corral.control.v1.Interval.$Shape;
                 *   (properties?: corral.control.v1.Interval.$Properties): corral.control.v1.Interval;
                 * }}
                 */
                Interval.create = function(properties) {
                    return new Interval(properties);
                };

                /**
                 * Encodes the specified Interval message. Does not implicitly {@link corral.control.v1.Interval.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.Interval
                 * @static
                 * @param {corral.control.v1.Interval.$Properties} message Interval message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Interval.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.durationMs);
                    if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && (typeof message.accepted === "object" ? message.accepted.low || message.accepted.high : message.accepted !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.accepted);
                    if (message.requests != null && $Object.hasOwnProperty.call(message, "requests") && (typeof message.requests === "object" ? message.requests.low || message.requests.high : message.requests !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.requests);
                    if (message.p50Us != null && $Object.hasOwnProperty.call(message, "p50Us") && (typeof message.p50Us === "object" ? message.p50Us.low || message.p50Us.high : message.p50Us !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.p50Us);
                    if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us") && (typeof message.p99Us === "object" ? message.p99Us.low || message.p99Us.high : message.p99Us !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.p99Us);
                    if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs") && (typeof message.jobs === "object" ? message.jobs.low || message.jobs.high : message.jobs !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.jobs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Interval message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.Interval
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.Interval & corral.control.v1.Interval.$Shape} Interval
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Interval.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.Interval();
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
                                    message.durationMs = value;
                                else
                                    delete message.durationMs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.accepted = value;
                                else
                                    delete message.accepted;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requests = value;
                                else
                                    delete message.requests;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.p50Us = value;
                                else
                                    delete message.p50Us;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.p99Us = value;
                                else
                                    delete message.p99Us;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.jobs = value;
                                else
                                    delete message.jobs;
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
                 * Creates an Interval message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.Interval
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.Interval} Interval
                 */
                Interval.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.Interval)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.Interval: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.Interval();
                    if (object.durationMs != null)
                        if ($Number(object.durationMs) !== 0)
                            message.durationMs = object.durationMs >>> 0;
                    if (object.accepted != null)
                        if (typeof object.accepted === "object" ? object.accepted.low || object.accepted.high : $Number(object.accepted) !== 0)
                            if ($util.Long)
                                message.accepted = $util.Long.fromValue(object.accepted, true);
                            else if (typeof object.accepted === "string")
                                message.accepted = $parseInt(object.accepted, 10);
                            else if (typeof object.accepted === "number")
                                message.accepted = object.accepted;
                            else if (typeof object.accepted === "object")
                                message.accepted = new $util.LongBits(object.accepted.low >>> 0, object.accepted.high >>> 0).toNumber(true);
                    if (object.requests != null)
                        if (typeof object.requests === "object" ? object.requests.low || object.requests.high : $Number(object.requests) !== 0)
                            if ($util.Long)
                                message.requests = $util.Long.fromValue(object.requests, true);
                            else if (typeof object.requests === "string")
                                message.requests = $parseInt(object.requests, 10);
                            else if (typeof object.requests === "number")
                                message.requests = object.requests;
                            else if (typeof object.requests === "object")
                                message.requests = new $util.LongBits(object.requests.low >>> 0, object.requests.high >>> 0).toNumber(true);
                    if (object.p50Us != null)
                        if (typeof object.p50Us === "object" ? object.p50Us.low || object.p50Us.high : $Number(object.p50Us) !== 0)
                            if ($util.Long)
                                message.p50Us = $util.Long.fromValue(object.p50Us, true);
                            else if (typeof object.p50Us === "string")
                                message.p50Us = $parseInt(object.p50Us, 10);
                            else if (typeof object.p50Us === "number")
                                message.p50Us = object.p50Us;
                            else if (typeof object.p50Us === "object")
                                message.p50Us = new $util.LongBits(object.p50Us.low >>> 0, object.p50Us.high >>> 0).toNumber(true);
                    if (object.p99Us != null)
                        if (typeof object.p99Us === "object" ? object.p99Us.low || object.p99Us.high : $Number(object.p99Us) !== 0)
                            if ($util.Long)
                                message.p99Us = $util.Long.fromValue(object.p99Us, true);
                            else if (typeof object.p99Us === "string")
                                message.p99Us = $parseInt(object.p99Us, 10);
                            else if (typeof object.p99Us === "number")
                                message.p99Us = object.p99Us;
                            else if (typeof object.p99Us === "object")
                                message.p99Us = new $util.LongBits(object.p99Us.low >>> 0, object.p99Us.high >>> 0).toNumber(true);
                    if (object.jobs != null)
                        if (typeof object.jobs === "object" ? object.jobs.low || object.jobs.high : $Number(object.jobs) !== 0)
                            if ($util.Long)
                                message.jobs = $util.Long.fromValue(object.jobs, true);
                            else if (typeof object.jobs === "string")
                                message.jobs = $parseInt(object.jobs, 10);
                            else if (typeof object.jobs === "number")
                                message.jobs = object.jobs;
                            else if (typeof object.jobs === "object")
                                message.jobs = new $util.LongBits(object.jobs.low >>> 0, object.jobs.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from an Interval message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.Interval
                 * @static
                 * @param {corral.control.v1.Interval} message Interval
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Interval.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.durationMs = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.accepted = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.accepted = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.requests = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.requests = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.p50Us = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.p50Us = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.p99Us = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.p99Us = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.jobs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.jobs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                        object.durationMs = message.durationMs;
                    if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.accepted = typeof message.accepted === "number" ? $BigInt(message.accepted) : $util.Long.fromBits(message.accepted.low >>> 0, message.accepted.high >>> 0, true).toBigInt();
                        else if (typeof message.accepted === "number")
                            object.accepted = options.longs === $String ? $String(message.accepted) : message.accepted;
                        else
                            object.accepted = options.longs === $String ? $util.Long.prototype.toString.call(message.accepted) : options.longs === $Number ? new $util.LongBits(message.accepted.low >>> 0, message.accepted.high >>> 0).toNumber(true) : message.accepted;
                    if (message.requests != null && $Object.hasOwnProperty.call(message, "requests"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.requests = typeof message.requests === "number" ? $BigInt(message.requests) : $util.Long.fromBits(message.requests.low >>> 0, message.requests.high >>> 0, true).toBigInt();
                        else if (typeof message.requests === "number")
                            object.requests = options.longs === $String ? $String(message.requests) : message.requests;
                        else
                            object.requests = options.longs === $String ? $util.Long.prototype.toString.call(message.requests) : options.longs === $Number ? new $util.LongBits(message.requests.low >>> 0, message.requests.high >>> 0).toNumber(true) : message.requests;
                    if (message.p50Us != null && $Object.hasOwnProperty.call(message, "p50Us"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.p50Us = typeof message.p50Us === "number" ? $BigInt(message.p50Us) : $util.Long.fromBits(message.p50Us.low >>> 0, message.p50Us.high >>> 0, true).toBigInt();
                        else if (typeof message.p50Us === "number")
                            object.p50Us = options.longs === $String ? $String(message.p50Us) : message.p50Us;
                        else
                            object.p50Us = options.longs === $String ? $util.Long.prototype.toString.call(message.p50Us) : options.longs === $Number ? new $util.LongBits(message.p50Us.low >>> 0, message.p50Us.high >>> 0).toNumber(true) : message.p50Us;
                    if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.p99Us = typeof message.p99Us === "number" ? $BigInt(message.p99Us) : $util.Long.fromBits(message.p99Us.low >>> 0, message.p99Us.high >>> 0, true).toBigInt();
                        else if (typeof message.p99Us === "number")
                            object.p99Us = options.longs === $String ? $String(message.p99Us) : message.p99Us;
                        else
                            object.p99Us = options.longs === $String ? $util.Long.prototype.toString.call(message.p99Us) : options.longs === $Number ? new $util.LongBits(message.p99Us.low >>> 0, message.p99Us.high >>> 0).toNumber(true) : message.p99Us;
                    if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.jobs = typeof message.jobs === "number" ? $BigInt(message.jobs) : $util.Long.fromBits(message.jobs.low >>> 0, message.jobs.high >>> 0, true).toBigInt();
                        else if (typeof message.jobs === "number")
                            object.jobs = options.longs === $String ? $String(message.jobs) : message.jobs;
                        else
                            object.jobs = options.longs === $String ? $util.Long.prototype.toString.call(message.jobs) : options.longs === $Number ? new $util.LongBits(message.jobs.low >>> 0, message.jobs.high >>> 0).toNumber(true) : message.jobs;
                    return object;
                };

                /**
                 * Converts this Interval to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.Interval
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Interval.prototype.toJSON = function() {
                    return Interval.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Interval;
            })();

            v1.TasksStatus = (function() {

                /**
                 * Properties of a TasksStatus.
                 * @typedef {Object} corral.control.v1.TasksStatus.$Properties
                 * @property {Array.<corral.control.v1.AppStatus.$Properties>|null} [apps] TasksStatus apps
                 * @property {corral.control.v1.QueueStatus.$Properties|null} [queue] TasksStatus queue
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TasksStatus.
                 * @memberof corral.control.v1
                 * @interface ITasksStatus
                 * @augments corral.control.v1.TasksStatus.$Properties
                 * @deprecated Use corral.control.v1.TasksStatus.$Properties instead.
                 */

                /**
                 * Shape of a TasksStatus.
                 * @typedef {corral.control.v1.TasksStatus.$Properties} corral.control.v1.TasksStatus.$Shape
                 */

                /**
                 * Constructs a new TasksStatus.
                 * @memberof corral.control.v1
                 * @classdesc Represents a TasksStatus.
                 * @constructor
                 * @param {corral.control.v1.TasksStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TasksStatus = function (properties) {
                    this.apps = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * TasksStatus apps.
                 * @member {Array.<corral.control.v1.AppStatus.$Properties>} apps
                 * @memberof corral.control.v1.TasksStatus
                 * @instance
                 */
                TasksStatus.prototype.apps = $util.emptyArray;

                /**
                 * TasksStatus queue.
                 * @member {corral.control.v1.QueueStatus.$Properties|null|undefined} queue
                 * @memberof corral.control.v1.TasksStatus
                 * @instance
                 */
                TasksStatus.prototype.queue = null;

                /**
                 * Creates a new TasksStatus instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.TasksStatus
                 * @static
                 * @param {corral.control.v1.TasksStatus.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.TasksStatus} TasksStatus instance
                 * @type {{
                 *   (properties: corral.control.v1.TasksStatus.$Shape): corral.control.v1.TasksStatus & corral.control.v1.TasksStatus.$Shape;
                 *   (properties?: corral.control.v1.TasksStatus.$Properties): corral.control.v1.TasksStatus;
                 * }}
                 */
                TasksStatus.create = function(properties) {
                    return new TasksStatus(properties);
                };

                /**
                 * Encodes the specified TasksStatus message. Does not implicitly {@link corral.control.v1.TasksStatus.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.TasksStatus
                 * @static
                 * @param {corral.control.v1.TasksStatus.$Properties} message TasksStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TasksStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.apps != null && message.apps.length)
                        for (let i = 0; i < message.apps.length; ++i)
                            $root.corral.control.v1.AppStatus.encode(message.apps[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.queue != null && $Object.hasOwnProperty.call(message, "queue"))
                        $root.corral.control.v1.QueueStatus.encode(message.queue, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TasksStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.TasksStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.TasksStatus & corral.control.v1.TasksStatus.$Shape} TasksStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TasksStatus.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.TasksStatus();
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
                                if (!(message.apps && message.apps.length))
                                    message.apps = [];
                                message.apps.push($root.corral.control.v1.AppStatus.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.queue = $root.corral.control.v1.QueueStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.queue);
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
                 * Creates a TasksStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.TasksStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.TasksStatus} TasksStatus
                 */
                TasksStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.TasksStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.TasksStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.TasksStatus();
                    if (object.apps) {
                        if (!$Array.isArray(object.apps))
                            throw $TypeError(".corral.control.v1.TasksStatus.apps: array expected");
                        message.apps = $Array(object.apps.length);
                        for (let i = 0; i < object.apps.length; ++i) {
                            if (!$util.isObject(object.apps[i]))
                                throw $TypeError(".corral.control.v1.TasksStatus.apps: object expected");
                            message.apps[i] = $root.corral.control.v1.AppStatus.fromObject(object.apps[i], _depth + 1);
                        }
                    }
                    if (object.queue != null) {
                        if (!$util.isObject(object.queue))
                            throw $TypeError(".corral.control.v1.TasksStatus.queue: object expected");
                        message.queue = $root.corral.control.v1.QueueStatus.fromObject(object.queue, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a TasksStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.TasksStatus
                 * @static
                 * @param {corral.control.v1.TasksStatus} message TasksStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TasksStatus.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.apps = [];
                    if (options.defaults)
                        object.queue = null;
                    if (message.apps && message.apps.length) {
                        object.apps = $Array(message.apps.length);
                        for (let j = 0; j < message.apps.length; ++j)
                            object.apps[j] = $root.corral.control.v1.AppStatus.toObject(message.apps[j], options, _depth + 1);
                    }
                    if (message.queue != null && $Object.hasOwnProperty.call(message, "queue"))
                        object.queue = $root.corral.control.v1.QueueStatus.toObject(message.queue, options, _depth + 1);
                    return object;
                };

                /**
                 * Converts this TasksStatus to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.TasksStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TasksStatus.prototype.toJSON = function() {
                    return TasksStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                return TasksStatus;
            })();

            v1.AppStatus = (function() {

                /**
                 * Properties of an AppStatus.
                 * @typedef {Object} corral.control.v1.AppStatus.$Properties
                 * @property {string|null} [name] AppStatus name
                 * @property {number|null} [workers] AppStatus workers
                 * @property {number|null} [queued] AppStatus queued
                 * @property {number|null} [inFlight] AppStatus inFlight
                 * @property {number|null} [submitted] AppStatus submitted
                 * @property {number|null} [completed] AppStatus completed
                 * @property {number|null} [failed] AppStatus failed
                 * @property {number|null} [rejected] AppStatus rejected
                 * @property {number|null} [lost] AppStatus lost
                 * @property {number|null} [abandoned] AppStatus abandoned
                 * @property {corral.control.v1.Percentiles.$Properties|null} [waitMs] AppStatus waitMs
                 * @property {corral.control.v1.Percentiles.$Properties|null} [runMs] AppStatus runMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an AppStatus.
                 * @memberof corral.control.v1
                 * @interface IAppStatus
                 * @augments corral.control.v1.AppStatus.$Properties
                 * @deprecated Use corral.control.v1.AppStatus.$Properties instead.
                 */

                /**
                 * Shape of an AppStatus.
                 * @typedef {corral.control.v1.AppStatus.$Properties} corral.control.v1.AppStatus.$Shape
                 */

                /**
                 * Constructs a new AppStatus.
                 * @memberof corral.control.v1
                 * @classdesc Represents an AppStatus.
                 * @constructor
                 * @param {corral.control.v1.AppStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const AppStatus = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * AppStatus name.
                 * @member {string} name
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.name = "";

                /**
                 * AppStatus workers.
                 * @member {number} workers
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.workers = 0;

                /**
                 * AppStatus queued.
                 * @member {number} queued
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.queued = 0;

                /**
                 * AppStatus inFlight.
                 * @member {number} inFlight
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.inFlight = 0;

                /**
                 * AppStatus submitted.
                 * @member {number} submitted
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.submitted = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AppStatus completed.
                 * @member {number} completed
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.completed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AppStatus failed.
                 * @member {number} failed
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.failed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AppStatus rejected.
                 * @member {number} rejected
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.rejected = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AppStatus lost.
                 * @member {number} lost
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.lost = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AppStatus abandoned.
                 * @member {number} abandoned
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.abandoned = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AppStatus waitMs.
                 * @member {corral.control.v1.Percentiles.$Properties|null|undefined} waitMs
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.waitMs = null;

                /**
                 * AppStatus runMs.
                 * @member {corral.control.v1.Percentiles.$Properties|null|undefined} runMs
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 */
                AppStatus.prototype.runMs = null;

                /**
                 * Creates a new AppStatus instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.AppStatus
                 * @static
                 * @param {corral.control.v1.AppStatus.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.AppStatus} AppStatus instance
                 * @type {{
                 *   (properties: corral.control.v1.AppStatus.$Shape): corral.control.v1.AppStatus & corral.control.v1.AppStatus.$Shape;
                 *   (properties?: corral.control.v1.AppStatus.$Properties): corral.control.v1.AppStatus;
                 * }}
                 */
                AppStatus.create = function(properties) {
                    return new AppStatus(properties);
                };

                /**
                 * Encodes the specified AppStatus message. Does not implicitly {@link corral.control.v1.AppStatus.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.AppStatus
                 * @static
                 * @param {corral.control.v1.AppStatus.$Properties} message AppStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AppStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                    if (message.workers != null && $Object.hasOwnProperty.call(message, "workers") && message.workers !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.workers);
                    if (message.queued != null && $Object.hasOwnProperty.call(message, "queued") && message.queued !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.queued);
                    if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight") && message.inFlight !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.inFlight);
                    if (message.submitted != null && $Object.hasOwnProperty.call(message, "submitted") && (typeof message.submitted === "object" ? message.submitted.low || message.submitted.high : message.submitted !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.submitted);
                    if (message.completed != null && $Object.hasOwnProperty.call(message, "completed") && (typeof message.completed === "object" ? message.completed.low || message.completed.high : message.completed !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.completed);
                    if (message.failed != null && $Object.hasOwnProperty.call(message, "failed") && (typeof message.failed === "object" ? message.failed.low || message.failed.high : message.failed !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.failed);
                    if (message.rejected != null && $Object.hasOwnProperty.call(message, "rejected") && (typeof message.rejected === "object" ? message.rejected.low || message.rejected.high : message.rejected !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.rejected);
                    if (message.lost != null && $Object.hasOwnProperty.call(message, "lost") && (typeof message.lost === "object" ? message.lost.low || message.lost.high : message.lost !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.lost);
                    if (message.abandoned != null && $Object.hasOwnProperty.call(message, "abandoned") && (typeof message.abandoned === "object" ? message.abandoned.low || message.abandoned.high : message.abandoned !== 0))
                        writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.abandoned);
                    if (message.waitMs != null && $Object.hasOwnProperty.call(message, "waitMs"))
                        $root.corral.control.v1.Percentiles.encode(message.waitMs, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.runMs != null && $Object.hasOwnProperty.call(message, "runMs"))
                        $root.corral.control.v1.Percentiles.encode(message.runMs, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an AppStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.AppStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.AppStatus & corral.control.v1.AppStatus.$Shape} AppStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AppStatus.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.AppStatus();
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
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.workers = value;
                                else
                                    delete message.workers;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.queued = value;
                                else
                                    delete message.queued;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.inFlight = value;
                                else
                                    delete message.inFlight;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.submitted = value;
                                else
                                    delete message.submitted;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.completed = value;
                                else
                                    delete message.completed;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.failed = value;
                                else
                                    delete message.failed;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.rejected = value;
                                else
                                    delete message.rejected;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lost = value;
                                else
                                    delete message.lost;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.abandoned = value;
                                else
                                    delete message.abandoned;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.waitMs = $root.corral.control.v1.Percentiles.decode(reader, reader.size(), $undefined, _depth + 1, message.waitMs);
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                message.runMs = $root.corral.control.v1.Percentiles.decode(reader, reader.size(), $undefined, _depth + 1, message.runMs);
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
                 * Creates an AppStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.AppStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.AppStatus} AppStatus
                 */
                AppStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.AppStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.AppStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.AppStatus();
                    if (object.name != null)
                        if (typeof object.name !== "string" || object.name.length)
                            message.name = $String(object.name);
                    if (object.workers != null)
                        if ($Number(object.workers) !== 0)
                            message.workers = object.workers >>> 0;
                    if (object.queued != null)
                        if ($Number(object.queued) !== 0)
                            message.queued = object.queued >>> 0;
                    if (object.inFlight != null)
                        if ($Number(object.inFlight) !== 0)
                            message.inFlight = object.inFlight >>> 0;
                    if (object.submitted != null)
                        if (typeof object.submitted === "object" ? object.submitted.low || object.submitted.high : $Number(object.submitted) !== 0)
                            if ($util.Long)
                                message.submitted = $util.Long.fromValue(object.submitted, true);
                            else if (typeof object.submitted === "string")
                                message.submitted = $parseInt(object.submitted, 10);
                            else if (typeof object.submitted === "number")
                                message.submitted = object.submitted;
                            else if (typeof object.submitted === "object")
                                message.submitted = new $util.LongBits(object.submitted.low >>> 0, object.submitted.high >>> 0).toNumber(true);
                    if (object.completed != null)
                        if (typeof object.completed === "object" ? object.completed.low || object.completed.high : $Number(object.completed) !== 0)
                            if ($util.Long)
                                message.completed = $util.Long.fromValue(object.completed, true);
                            else if (typeof object.completed === "string")
                                message.completed = $parseInt(object.completed, 10);
                            else if (typeof object.completed === "number")
                                message.completed = object.completed;
                            else if (typeof object.completed === "object")
                                message.completed = new $util.LongBits(object.completed.low >>> 0, object.completed.high >>> 0).toNumber(true);
                    if (object.failed != null)
                        if (typeof object.failed === "object" ? object.failed.low || object.failed.high : $Number(object.failed) !== 0)
                            if ($util.Long)
                                message.failed = $util.Long.fromValue(object.failed, true);
                            else if (typeof object.failed === "string")
                                message.failed = $parseInt(object.failed, 10);
                            else if (typeof object.failed === "number")
                                message.failed = object.failed;
                            else if (typeof object.failed === "object")
                                message.failed = new $util.LongBits(object.failed.low >>> 0, object.failed.high >>> 0).toNumber(true);
                    if (object.rejected != null)
                        if (typeof object.rejected === "object" ? object.rejected.low || object.rejected.high : $Number(object.rejected) !== 0)
                            if ($util.Long)
                                message.rejected = $util.Long.fromValue(object.rejected, true);
                            else if (typeof object.rejected === "string")
                                message.rejected = $parseInt(object.rejected, 10);
                            else if (typeof object.rejected === "number")
                                message.rejected = object.rejected;
                            else if (typeof object.rejected === "object")
                                message.rejected = new $util.LongBits(object.rejected.low >>> 0, object.rejected.high >>> 0).toNumber(true);
                    if (object.lost != null)
                        if (typeof object.lost === "object" ? object.lost.low || object.lost.high : $Number(object.lost) !== 0)
                            if ($util.Long)
                                message.lost = $util.Long.fromValue(object.lost, true);
                            else if (typeof object.lost === "string")
                                message.lost = $parseInt(object.lost, 10);
                            else if (typeof object.lost === "number")
                                message.lost = object.lost;
                            else if (typeof object.lost === "object")
                                message.lost = new $util.LongBits(object.lost.low >>> 0, object.lost.high >>> 0).toNumber(true);
                    if (object.abandoned != null)
                        if (typeof object.abandoned === "object" ? object.abandoned.low || object.abandoned.high : $Number(object.abandoned) !== 0)
                            if ($util.Long)
                                message.abandoned = $util.Long.fromValue(object.abandoned, true);
                            else if (typeof object.abandoned === "string")
                                message.abandoned = $parseInt(object.abandoned, 10);
                            else if (typeof object.abandoned === "number")
                                message.abandoned = object.abandoned;
                            else if (typeof object.abandoned === "object")
                                message.abandoned = new $util.LongBits(object.abandoned.low >>> 0, object.abandoned.high >>> 0).toNumber(true);
                    if (object.waitMs != null) {
                        if (!$util.isObject(object.waitMs))
                            throw $TypeError(".corral.control.v1.AppStatus.waitMs: object expected");
                        message.waitMs = $root.corral.control.v1.Percentiles.fromObject(object.waitMs, _depth + 1);
                    }
                    if (object.runMs != null) {
                        if (!$util.isObject(object.runMs))
                            throw $TypeError(".corral.control.v1.AppStatus.runMs: object expected");
                        message.runMs = $root.corral.control.v1.Percentiles.fromObject(object.runMs, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from an AppStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.AppStatus
                 * @static
                 * @param {corral.control.v1.AppStatus} message AppStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                AppStatus.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.name = "";
                        object.workers = 0;
                        object.queued = 0;
                        object.inFlight = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.submitted = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.submitted = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.completed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.completed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.failed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.failed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.rejected = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.rejected = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.lost = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.lost = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.abandoned = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.abandoned = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.waitMs = null;
                        object.runMs = null;
                    }
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                        object.name = message.name;
                    if (message.workers != null && $Object.hasOwnProperty.call(message, "workers"))
                        object.workers = message.workers;
                    if (message.queued != null && $Object.hasOwnProperty.call(message, "queued"))
                        object.queued = message.queued;
                    if (message.inFlight != null && $Object.hasOwnProperty.call(message, "inFlight"))
                        object.inFlight = message.inFlight;
                    if (message.submitted != null && $Object.hasOwnProperty.call(message, "submitted"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.submitted = typeof message.submitted === "number" ? $BigInt(message.submitted) : $util.Long.fromBits(message.submitted.low >>> 0, message.submitted.high >>> 0, true).toBigInt();
                        else if (typeof message.submitted === "number")
                            object.submitted = options.longs === $String ? $String(message.submitted) : message.submitted;
                        else
                            object.submitted = options.longs === $String ? $util.Long.prototype.toString.call(message.submitted) : options.longs === $Number ? new $util.LongBits(message.submitted.low >>> 0, message.submitted.high >>> 0).toNumber(true) : message.submitted;
                    if (message.completed != null && $Object.hasOwnProperty.call(message, "completed"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.completed = typeof message.completed === "number" ? $BigInt(message.completed) : $util.Long.fromBits(message.completed.low >>> 0, message.completed.high >>> 0, true).toBigInt();
                        else if (typeof message.completed === "number")
                            object.completed = options.longs === $String ? $String(message.completed) : message.completed;
                        else
                            object.completed = options.longs === $String ? $util.Long.prototype.toString.call(message.completed) : options.longs === $Number ? new $util.LongBits(message.completed.low >>> 0, message.completed.high >>> 0).toNumber(true) : message.completed;
                    if (message.failed != null && $Object.hasOwnProperty.call(message, "failed"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.failed = typeof message.failed === "number" ? $BigInt(message.failed) : $util.Long.fromBits(message.failed.low >>> 0, message.failed.high >>> 0, true).toBigInt();
                        else if (typeof message.failed === "number")
                            object.failed = options.longs === $String ? $String(message.failed) : message.failed;
                        else
                            object.failed = options.longs === $String ? $util.Long.prototype.toString.call(message.failed) : options.longs === $Number ? new $util.LongBits(message.failed.low >>> 0, message.failed.high >>> 0).toNumber(true) : message.failed;
                    if (message.rejected != null && $Object.hasOwnProperty.call(message, "rejected"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.rejected = typeof message.rejected === "number" ? $BigInt(message.rejected) : $util.Long.fromBits(message.rejected.low >>> 0, message.rejected.high >>> 0, true).toBigInt();
                        else if (typeof message.rejected === "number")
                            object.rejected = options.longs === $String ? $String(message.rejected) : message.rejected;
                        else
                            object.rejected = options.longs === $String ? $util.Long.prototype.toString.call(message.rejected) : options.longs === $Number ? new $util.LongBits(message.rejected.low >>> 0, message.rejected.high >>> 0).toNumber(true) : message.rejected;
                    if (message.lost != null && $Object.hasOwnProperty.call(message, "lost"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.lost = typeof message.lost === "number" ? $BigInt(message.lost) : $util.Long.fromBits(message.lost.low >>> 0, message.lost.high >>> 0, true).toBigInt();
                        else if (typeof message.lost === "number")
                            object.lost = options.longs === $String ? $String(message.lost) : message.lost;
                        else
                            object.lost = options.longs === $String ? $util.Long.prototype.toString.call(message.lost) : options.longs === $Number ? new $util.LongBits(message.lost.low >>> 0, message.lost.high >>> 0).toNumber(true) : message.lost;
                    if (message.abandoned != null && $Object.hasOwnProperty.call(message, "abandoned"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.abandoned = typeof message.abandoned === "number" ? $BigInt(message.abandoned) : $util.Long.fromBits(message.abandoned.low >>> 0, message.abandoned.high >>> 0, true).toBigInt();
                        else if (typeof message.abandoned === "number")
                            object.abandoned = options.longs === $String ? $String(message.abandoned) : message.abandoned;
                        else
                            object.abandoned = options.longs === $String ? $util.Long.prototype.toString.call(message.abandoned) : options.longs === $Number ? new $util.LongBits(message.abandoned.low >>> 0, message.abandoned.high >>> 0).toNumber(true) : message.abandoned;
                    if (message.waitMs != null && $Object.hasOwnProperty.call(message, "waitMs"))
                        object.waitMs = $root.corral.control.v1.Percentiles.toObject(message.waitMs, options, _depth + 1);
                    if (message.runMs != null && $Object.hasOwnProperty.call(message, "runMs"))
                        object.runMs = $root.corral.control.v1.Percentiles.toObject(message.runMs, options, _depth + 1);
                    return object;
                };

                /**
                 * Converts this AppStatus to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.AppStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                AppStatus.prototype.toJSON = function() {
                    return AppStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                return AppStatus;
            })();

            v1.Percentiles = (function() {

                /**
                 * Properties of a Percentiles.
                 * @typedef {Object} corral.control.v1.Percentiles.$Properties
                 * @property {number|null} [p50] Percentiles p50
                 * @property {number|null} [p90] Percentiles p90
                 * @property {number|null} [p99] Percentiles p99
                 * @property {number|null} [n] Percentiles n
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Percentiles.
                 * @memberof corral.control.v1
                 * @interface IPercentiles
                 * @augments corral.control.v1.Percentiles.$Properties
                 * @deprecated Use corral.control.v1.Percentiles.$Properties instead.
                 */

                /**
                 * Shape of a Percentiles.
                 * @typedef {corral.control.v1.Percentiles.$Properties} corral.control.v1.Percentiles.$Shape
                 */

                /**
                 * Constructs a new Percentiles.
                 * @memberof corral.control.v1
                 * @classdesc Represents a Percentiles.
                 * @constructor
                 * @param {corral.control.v1.Percentiles.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Percentiles = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Percentiles p50.
                 * @member {number} p50
                 * @memberof corral.control.v1.Percentiles
                 * @instance
                 */
                Percentiles.prototype.p50 = 0;

                /**
                 * Percentiles p90.
                 * @member {number} p90
                 * @memberof corral.control.v1.Percentiles
                 * @instance
                 */
                Percentiles.prototype.p90 = 0;

                /**
                 * Percentiles p99.
                 * @member {number} p99
                 * @memberof corral.control.v1.Percentiles
                 * @instance
                 */
                Percentiles.prototype.p99 = 0;

                /**
                 * Percentiles n.
                 * @member {number} n
                 * @memberof corral.control.v1.Percentiles
                 * @instance
                 */
                Percentiles.prototype.n = 0;

                /**
                 * Creates a new Percentiles instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.Percentiles
                 * @static
                 * @param {corral.control.v1.Percentiles.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.Percentiles} Percentiles instance
                 * @type {{
                 *   (properties: corral.control.v1.Percentiles.$Shape): corral.control.v1.Percentiles & corral.control.v1.Percentiles.$Shape;
                 *   (properties?: corral.control.v1.Percentiles.$Properties): corral.control.v1.Percentiles;
                 * }}
                 */
                Percentiles.create = function(properties) {
                    return new Percentiles(properties);
                };

                /**
                 * Encodes the specified Percentiles message. Does not implicitly {@link corral.control.v1.Percentiles.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.Percentiles
                 * @static
                 * @param {corral.control.v1.Percentiles.$Properties} message Percentiles message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Percentiles.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.p50 != null && $Object.hasOwnProperty.call(message, "p50") && !$Object.is(message.p50, 0))
                        writer.uint32(/* id 1, wireType 1 =*/9).double(message.p50);
                    if (message.p90 != null && $Object.hasOwnProperty.call(message, "p90") && !$Object.is(message.p90, 0))
                        writer.uint32(/* id 2, wireType 1 =*/17).double(message.p90);
                    if (message.p99 != null && $Object.hasOwnProperty.call(message, "p99") && !$Object.is(message.p99, 0))
                        writer.uint32(/* id 3, wireType 1 =*/25).double(message.p99);
                    if (message.n != null && $Object.hasOwnProperty.call(message, "n") && message.n !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.n);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Percentiles message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.Percentiles
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.Percentiles & corral.control.v1.Percentiles.$Shape} Percentiles
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Percentiles.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.Percentiles();
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
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.p50 = value;
                                else
                                    delete message.p50;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.p90 = value;
                                else
                                    delete message.p90;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.p99 = value;
                                else
                                    delete message.p99;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.n = value;
                                else
                                    delete message.n;
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
                 * Creates a Percentiles message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.Percentiles
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.Percentiles} Percentiles
                 */
                Percentiles.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.Percentiles)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.Percentiles: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.Percentiles();
                    if (object.p50 != null)
                        if (!$Object.is($Number(object.p50), 0))
                            message.p50 = $Number(object.p50);
                    if (object.p90 != null)
                        if (!$Object.is($Number(object.p90), 0))
                            message.p90 = $Number(object.p90);
                    if (object.p99 != null)
                        if (!$Object.is($Number(object.p99), 0))
                            message.p99 = $Number(object.p99);
                    if (object.n != null)
                        if ($Number(object.n) !== 0)
                            message.n = object.n >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Percentiles message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.Percentiles
                 * @static
                 * @param {corral.control.v1.Percentiles} message Percentiles
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Percentiles.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.p50 = 0;
                        object.p90 = 0;
                        object.p99 = 0;
                        object.n = 0;
                    }
                    if (message.p50 != null && $Object.hasOwnProperty.call(message, "p50"))
                        object.p50 = options.json && !$isFinite(message.p50) ? $String(message.p50) : message.p50;
                    if (message.p90 != null && $Object.hasOwnProperty.call(message, "p90"))
                        object.p90 = options.json && !$isFinite(message.p90) ? $String(message.p90) : message.p90;
                    if (message.p99 != null && $Object.hasOwnProperty.call(message, "p99"))
                        object.p99 = options.json && !$isFinite(message.p99) ? $String(message.p99) : message.p99;
                    if (message.n != null && $Object.hasOwnProperty.call(message, "n"))
                        object.n = message.n;
                    return object;
                };

                /**
                 * Converts this Percentiles to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.Percentiles
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Percentiles.prototype.toJSON = function() {
                    return Percentiles.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Percentiles;
            })();

            v1.QueueStatus = (function() {

                /**
                 * Properties of a QueueStatus.
                 * @typedef {Object} corral.control.v1.QueueStatus.$Properties
                 * @property {string|null} [state] QueueStatus state
                 * @property {Array.<string>|null} [queues] QueueStatus queues
                 * @property {number|null} [held] QueueStatus held
                 * @property {number|null} [fetched] QueueStatus fetched
                 * @property {number|null} [succeeded] QueueStatus succeeded
                 * @property {number|null} [failed] QueueStatus failed
                 * @property {number|null} [retried] QueueStatus retried
                 * @property {number|null} [dead] QueueStatus dead
                 * @property {Array.<corral.control.v1.QueueDepth.$Properties>|null} [depths] QueueStatus depths
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a QueueStatus.
                 * @memberof corral.control.v1
                 * @interface IQueueStatus
                 * @augments corral.control.v1.QueueStatus.$Properties
                 * @deprecated Use corral.control.v1.QueueStatus.$Properties instead.
                 */

                /**
                 * Shape of a QueueStatus.
                 * @typedef {corral.control.v1.QueueStatus.$Properties} corral.control.v1.QueueStatus.$Shape
                 */

                /**
                 * Constructs a new QueueStatus.
                 * @memberof corral.control.v1
                 * @classdesc Represents a QueueStatus.
                 * @constructor
                 * @param {corral.control.v1.QueueStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const QueueStatus = function (properties) {
                    this.queues = [];
                    this.depths = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * QueueStatus state.
                 * @member {string} state
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.state = "";

                /**
                 * QueueStatus queues.
                 * @member {Array.<string>} queues
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.queues = $util.emptyArray;

                /**
                 * QueueStatus held.
                 * @member {number} held
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.held = 0;

                /**
                 * QueueStatus fetched.
                 * @member {number} fetched
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.fetched = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueStatus succeeded.
                 * @member {number} succeeded
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.succeeded = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueStatus failed.
                 * @member {number} failed
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.failed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueStatus retried.
                 * @member {number} retried
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.retried = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueStatus dead.
                 * @member {number} dead
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.dead = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueStatus depths.
                 * @member {Array.<corral.control.v1.QueueDepth.$Properties>} depths
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 */
                QueueStatus.prototype.depths = $util.emptyArray;

                /**
                 * Creates a new QueueStatus instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.QueueStatus
                 * @static
                 * @param {corral.control.v1.QueueStatus.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.QueueStatus} QueueStatus instance
                 * @type {{
                 *   (properties: corral.control.v1.QueueStatus.$Shape): corral.control.v1.QueueStatus & corral.control.v1.QueueStatus.$Shape;
                 *   (properties?: corral.control.v1.QueueStatus.$Properties): corral.control.v1.QueueStatus;
                 * }}
                 */
                QueueStatus.create = function(properties) {
                    return new QueueStatus(properties);
                };

                /**
                 * Encodes the specified QueueStatus message. Does not implicitly {@link corral.control.v1.QueueStatus.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.QueueStatus
                 * @static
                 * @param {corral.control.v1.QueueStatus.$Properties} message QueueStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                QueueStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.state);
                    if (message.queues != null && message.queues.length)
                        for (let i = 0; i < message.queues.length; ++i)
                            writer.uint32(/* id 2, wireType 2 =*/18).string(message.queues[i]);
                    if (message.held != null && $Object.hasOwnProperty.call(message, "held") && message.held !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.held);
                    if (message.fetched != null && $Object.hasOwnProperty.call(message, "fetched") && (typeof message.fetched === "object" ? message.fetched.low || message.fetched.high : message.fetched !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.fetched);
                    if (message.succeeded != null && $Object.hasOwnProperty.call(message, "succeeded") && (typeof message.succeeded === "object" ? message.succeeded.low || message.succeeded.high : message.succeeded !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.succeeded);
                    if (message.failed != null && $Object.hasOwnProperty.call(message, "failed") && (typeof message.failed === "object" ? message.failed.low || message.failed.high : message.failed !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.failed);
                    if (message.retried != null && $Object.hasOwnProperty.call(message, "retried") && (typeof message.retried === "object" ? message.retried.low || message.retried.high : message.retried !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.retried);
                    if (message.dead != null && $Object.hasOwnProperty.call(message, "dead") && (typeof message.dead === "object" ? message.dead.low || message.dead.high : message.dead !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.dead);
                    if (message.depths != null && message.depths.length)
                        for (let i = 0; i < message.depths.length; ++i)
                            $root.corral.control.v1.QueueDepth.encode(message.depths[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a QueueStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.QueueStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.QueueStatus & corral.control.v1.QueueStatus.$Shape} QueueStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                QueueStatus.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.QueueStatus();
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
                                    message.state = value;
                                else
                                    delete message.state;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.queues && message.queues.length))
                                    message.queues = [];
                                message.queues.push(reader.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.held = value;
                                else
                                    delete message.held;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.fetched = value;
                                else
                                    delete message.fetched;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.succeeded = value;
                                else
                                    delete message.succeeded;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.failed = value;
                                else
                                    delete message.failed;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.retried = value;
                                else
                                    delete message.retried;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.dead = value;
                                else
                                    delete message.dead;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.depths && message.depths.length))
                                    message.depths = [];
                                message.depths.push($root.corral.control.v1.QueueDepth.decode(reader, reader.size(), $undefined, _depth + 1));
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
                 * Creates a QueueStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.QueueStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.QueueStatus} QueueStatus
                 */
                QueueStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.QueueStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.QueueStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.QueueStatus();
                    if (object.state != null)
                        if (typeof object.state !== "string" || object.state.length)
                            message.state = $String(object.state);
                    if (object.queues) {
                        if (!$Array.isArray(object.queues))
                            throw $TypeError(".corral.control.v1.QueueStatus.queues: array expected");
                        message.queues = $Array(object.queues.length);
                        for (let i = 0; i < object.queues.length; ++i)
                            message.queues[i] = $String(object.queues[i]);
                    }
                    if (object.held != null)
                        if ($Number(object.held) !== 0)
                            message.held = object.held >>> 0;
                    if (object.fetched != null)
                        if (typeof object.fetched === "object" ? object.fetched.low || object.fetched.high : $Number(object.fetched) !== 0)
                            if ($util.Long)
                                message.fetched = $util.Long.fromValue(object.fetched, true);
                            else if (typeof object.fetched === "string")
                                message.fetched = $parseInt(object.fetched, 10);
                            else if (typeof object.fetched === "number")
                                message.fetched = object.fetched;
                            else if (typeof object.fetched === "object")
                                message.fetched = new $util.LongBits(object.fetched.low >>> 0, object.fetched.high >>> 0).toNumber(true);
                    if (object.succeeded != null)
                        if (typeof object.succeeded === "object" ? object.succeeded.low || object.succeeded.high : $Number(object.succeeded) !== 0)
                            if ($util.Long)
                                message.succeeded = $util.Long.fromValue(object.succeeded, true);
                            else if (typeof object.succeeded === "string")
                                message.succeeded = $parseInt(object.succeeded, 10);
                            else if (typeof object.succeeded === "number")
                                message.succeeded = object.succeeded;
                            else if (typeof object.succeeded === "object")
                                message.succeeded = new $util.LongBits(object.succeeded.low >>> 0, object.succeeded.high >>> 0).toNumber(true);
                    if (object.failed != null)
                        if (typeof object.failed === "object" ? object.failed.low || object.failed.high : $Number(object.failed) !== 0)
                            if ($util.Long)
                                message.failed = $util.Long.fromValue(object.failed, true);
                            else if (typeof object.failed === "string")
                                message.failed = $parseInt(object.failed, 10);
                            else if (typeof object.failed === "number")
                                message.failed = object.failed;
                            else if (typeof object.failed === "object")
                                message.failed = new $util.LongBits(object.failed.low >>> 0, object.failed.high >>> 0).toNumber(true);
                    if (object.retried != null)
                        if (typeof object.retried === "object" ? object.retried.low || object.retried.high : $Number(object.retried) !== 0)
                            if ($util.Long)
                                message.retried = $util.Long.fromValue(object.retried, true);
                            else if (typeof object.retried === "string")
                                message.retried = $parseInt(object.retried, 10);
                            else if (typeof object.retried === "number")
                                message.retried = object.retried;
                            else if (typeof object.retried === "object")
                                message.retried = new $util.LongBits(object.retried.low >>> 0, object.retried.high >>> 0).toNumber(true);
                    if (object.dead != null)
                        if (typeof object.dead === "object" ? object.dead.low || object.dead.high : $Number(object.dead) !== 0)
                            if ($util.Long)
                                message.dead = $util.Long.fromValue(object.dead, true);
                            else if (typeof object.dead === "string")
                                message.dead = $parseInt(object.dead, 10);
                            else if (typeof object.dead === "number")
                                message.dead = object.dead;
                            else if (typeof object.dead === "object")
                                message.dead = new $util.LongBits(object.dead.low >>> 0, object.dead.high >>> 0).toNumber(true);
                    if (object.depths) {
                        if (!$Array.isArray(object.depths))
                            throw $TypeError(".corral.control.v1.QueueStatus.depths: array expected");
                        message.depths = $Array(object.depths.length);
                        for (let i = 0; i < object.depths.length; ++i) {
                            if (!$util.isObject(object.depths[i]))
                                throw $TypeError(".corral.control.v1.QueueStatus.depths: object expected");
                            message.depths[i] = $root.corral.control.v1.QueueDepth.fromObject(object.depths[i], _depth + 1);
                        }
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a QueueStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.QueueStatus
                 * @static
                 * @param {corral.control.v1.QueueStatus} message QueueStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                QueueStatus.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults) {
                        object.queues = [];
                        object.depths = [];
                    }
                    if (options.defaults) {
                        object.state = "";
                        object.held = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.fetched = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.fetched = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.succeeded = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.succeeded = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.failed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.failed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.retried = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.retried = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.dead = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.dead = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        object.state = message.state;
                    if (message.queues && message.queues.length) {
                        object.queues = $Array(message.queues.length);
                        for (let j = 0; j < message.queues.length; ++j)
                            object.queues[j] = message.queues[j];
                    }
                    if (message.held != null && $Object.hasOwnProperty.call(message, "held"))
                        object.held = message.held;
                    if (message.fetched != null && $Object.hasOwnProperty.call(message, "fetched"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.fetched = typeof message.fetched === "number" ? $BigInt(message.fetched) : $util.Long.fromBits(message.fetched.low >>> 0, message.fetched.high >>> 0, true).toBigInt();
                        else if (typeof message.fetched === "number")
                            object.fetched = options.longs === $String ? $String(message.fetched) : message.fetched;
                        else
                            object.fetched = options.longs === $String ? $util.Long.prototype.toString.call(message.fetched) : options.longs === $Number ? new $util.LongBits(message.fetched.low >>> 0, message.fetched.high >>> 0).toNumber(true) : message.fetched;
                    if (message.succeeded != null && $Object.hasOwnProperty.call(message, "succeeded"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.succeeded = typeof message.succeeded === "number" ? $BigInt(message.succeeded) : $util.Long.fromBits(message.succeeded.low >>> 0, message.succeeded.high >>> 0, true).toBigInt();
                        else if (typeof message.succeeded === "number")
                            object.succeeded = options.longs === $String ? $String(message.succeeded) : message.succeeded;
                        else
                            object.succeeded = options.longs === $String ? $util.Long.prototype.toString.call(message.succeeded) : options.longs === $Number ? new $util.LongBits(message.succeeded.low >>> 0, message.succeeded.high >>> 0).toNumber(true) : message.succeeded;
                    if (message.failed != null && $Object.hasOwnProperty.call(message, "failed"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.failed = typeof message.failed === "number" ? $BigInt(message.failed) : $util.Long.fromBits(message.failed.low >>> 0, message.failed.high >>> 0, true).toBigInt();
                        else if (typeof message.failed === "number")
                            object.failed = options.longs === $String ? $String(message.failed) : message.failed;
                        else
                            object.failed = options.longs === $String ? $util.Long.prototype.toString.call(message.failed) : options.longs === $Number ? new $util.LongBits(message.failed.low >>> 0, message.failed.high >>> 0).toNumber(true) : message.failed;
                    if (message.retried != null && $Object.hasOwnProperty.call(message, "retried"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.retried = typeof message.retried === "number" ? $BigInt(message.retried) : $util.Long.fromBits(message.retried.low >>> 0, message.retried.high >>> 0, true).toBigInt();
                        else if (typeof message.retried === "number")
                            object.retried = options.longs === $String ? $String(message.retried) : message.retried;
                        else
                            object.retried = options.longs === $String ? $util.Long.prototype.toString.call(message.retried) : options.longs === $Number ? new $util.LongBits(message.retried.low >>> 0, message.retried.high >>> 0).toNumber(true) : message.retried;
                    if (message.dead != null && $Object.hasOwnProperty.call(message, "dead"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.dead = typeof message.dead === "number" ? $BigInt(message.dead) : $util.Long.fromBits(message.dead.low >>> 0, message.dead.high >>> 0, true).toBigInt();
                        else if (typeof message.dead === "number")
                            object.dead = options.longs === $String ? $String(message.dead) : message.dead;
                        else
                            object.dead = options.longs === $String ? $util.Long.prototype.toString.call(message.dead) : options.longs === $Number ? new $util.LongBits(message.dead.low >>> 0, message.dead.high >>> 0).toNumber(true) : message.dead;
                    if (message.depths && message.depths.length) {
                        object.depths = $Array(message.depths.length);
                        for (let j = 0; j < message.depths.length; ++j)
                            object.depths[j] = $root.corral.control.v1.QueueDepth.toObject(message.depths[j], options, _depth + 1);
                    }
                    return object;
                };

                /**
                 * Converts this QueueStatus to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.QueueStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                QueueStatus.prototype.toJSON = function() {
                    return QueueStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                return QueueStatus;
            })();

            v1.QueueDepth = (function() {

                /**
                 * Properties of a QueueDepth.
                 * @typedef {Object} corral.control.v1.QueueDepth.$Properties
                 * @property {string|null} [queue] QueueDepth queue
                 * @property {number|null} [waiting] QueueDepth waiting
                 * @property {number|null} [delayed] QueueDepth delayed
                 * @property {number|null} [dead] QueueDepth dead
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a QueueDepth.
                 * @memberof corral.control.v1
                 * @interface IQueueDepth
                 * @augments corral.control.v1.QueueDepth.$Properties
                 * @deprecated Use corral.control.v1.QueueDepth.$Properties instead.
                 */

                /**
                 * Shape of a QueueDepth.
                 * @typedef {corral.control.v1.QueueDepth.$Properties} corral.control.v1.QueueDepth.$Shape
                 */

                /**
                 * Constructs a new QueueDepth.
                 * @memberof corral.control.v1
                 * @classdesc Represents a QueueDepth.
                 * @constructor
                 * @param {corral.control.v1.QueueDepth.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const QueueDepth = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * QueueDepth queue.
                 * @member {string} queue
                 * @memberof corral.control.v1.QueueDepth
                 * @instance
                 */
                QueueDepth.prototype.queue = "";

                /**
                 * QueueDepth waiting.
                 * @member {number} waiting
                 * @memberof corral.control.v1.QueueDepth
                 * @instance
                 */
                QueueDepth.prototype.waiting = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueDepth delayed.
                 * @member {number} delayed
                 * @memberof corral.control.v1.QueueDepth
                 * @instance
                 */
                QueueDepth.prototype.delayed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * QueueDepth dead.
                 * @member {number} dead
                 * @memberof corral.control.v1.QueueDepth
                 * @instance
                 */
                QueueDepth.prototype.dead = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new QueueDepth instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.QueueDepth
                 * @static
                 * @param {corral.control.v1.QueueDepth.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.QueueDepth} QueueDepth instance
                 * @type {{
                 *   (properties: corral.control.v1.QueueDepth.$Shape): corral.control.v1.QueueDepth & corral.control.v1.QueueDepth.$Shape;
                 *   (properties?: corral.control.v1.QueueDepth.$Properties): corral.control.v1.QueueDepth;
                 * }}
                 */
                QueueDepth.create = function(properties) {
                    return new QueueDepth(properties);
                };

                /**
                 * Encodes the specified QueueDepth message. Does not implicitly {@link corral.control.v1.QueueDepth.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.QueueDepth
                 * @static
                 * @param {corral.control.v1.QueueDepth.$Properties} message QueueDepth message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                QueueDepth.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.queue != null && $Object.hasOwnProperty.call(message, "queue") && message.queue !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.queue);
                    if (message.waiting != null && $Object.hasOwnProperty.call(message, "waiting") && (typeof message.waiting === "object" ? message.waiting.low || message.waiting.high : message.waiting !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.waiting);
                    if (message.delayed != null && $Object.hasOwnProperty.call(message, "delayed") && (typeof message.delayed === "object" ? message.delayed.low || message.delayed.high : message.delayed !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.delayed);
                    if (message.dead != null && $Object.hasOwnProperty.call(message, "dead") && (typeof message.dead === "object" ? message.dead.low || message.dead.high : message.dead !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.dead);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a QueueDepth message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.QueueDepth
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.QueueDepth & corral.control.v1.QueueDepth.$Shape} QueueDepth
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                QueueDepth.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.QueueDepth();
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
                                    message.queue = value;
                                else
                                    delete message.queue;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.waiting = value;
                                else
                                    delete message.waiting;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.delayed = value;
                                else
                                    delete message.delayed;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.dead = value;
                                else
                                    delete message.dead;
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
                 * Creates a QueueDepth message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.QueueDepth
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.QueueDepth} QueueDepth
                 */
                QueueDepth.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.QueueDepth)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.QueueDepth: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.QueueDepth();
                    if (object.queue != null)
                        if (typeof object.queue !== "string" || object.queue.length)
                            message.queue = $String(object.queue);
                    if (object.waiting != null)
                        if (typeof object.waiting === "object" ? object.waiting.low || object.waiting.high : $Number(object.waiting) !== 0)
                            if ($util.Long)
                                message.waiting = $util.Long.fromValue(object.waiting, true);
                            else if (typeof object.waiting === "string")
                                message.waiting = $parseInt(object.waiting, 10);
                            else if (typeof object.waiting === "number")
                                message.waiting = object.waiting;
                            else if (typeof object.waiting === "object")
                                message.waiting = new $util.LongBits(object.waiting.low >>> 0, object.waiting.high >>> 0).toNumber(true);
                    if (object.delayed != null)
                        if (typeof object.delayed === "object" ? object.delayed.low || object.delayed.high : $Number(object.delayed) !== 0)
                            if ($util.Long)
                                message.delayed = $util.Long.fromValue(object.delayed, true);
                            else if (typeof object.delayed === "string")
                                message.delayed = $parseInt(object.delayed, 10);
                            else if (typeof object.delayed === "number")
                                message.delayed = object.delayed;
                            else if (typeof object.delayed === "object")
                                message.delayed = new $util.LongBits(object.delayed.low >>> 0, object.delayed.high >>> 0).toNumber(true);
                    if (object.dead != null)
                        if (typeof object.dead === "object" ? object.dead.low || object.dead.high : $Number(object.dead) !== 0)
                            if ($util.Long)
                                message.dead = $util.Long.fromValue(object.dead, true);
                            else if (typeof object.dead === "string")
                                message.dead = $parseInt(object.dead, 10);
                            else if (typeof object.dead === "number")
                                message.dead = object.dead;
                            else if (typeof object.dead === "object")
                                message.dead = new $util.LongBits(object.dead.low >>> 0, object.dead.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a QueueDepth message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.QueueDepth
                 * @static
                 * @param {corral.control.v1.QueueDepth} message QueueDepth
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                QueueDepth.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.queue = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.waiting = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.waiting = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.delayed = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.delayed = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.dead = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.dead = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.queue != null && $Object.hasOwnProperty.call(message, "queue"))
                        object.queue = message.queue;
                    if (message.waiting != null && $Object.hasOwnProperty.call(message, "waiting"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.waiting = typeof message.waiting === "number" ? $BigInt(message.waiting) : $util.Long.fromBits(message.waiting.low >>> 0, message.waiting.high >>> 0, true).toBigInt();
                        else if (typeof message.waiting === "number")
                            object.waiting = options.longs === $String ? $String(message.waiting) : message.waiting;
                        else
                            object.waiting = options.longs === $String ? $util.Long.prototype.toString.call(message.waiting) : options.longs === $Number ? new $util.LongBits(message.waiting.low >>> 0, message.waiting.high >>> 0).toNumber(true) : message.waiting;
                    if (message.delayed != null && $Object.hasOwnProperty.call(message, "delayed"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.delayed = typeof message.delayed === "number" ? $BigInt(message.delayed) : $util.Long.fromBits(message.delayed.low >>> 0, message.delayed.high >>> 0, true).toBigInt();
                        else if (typeof message.delayed === "number")
                            object.delayed = options.longs === $String ? $String(message.delayed) : message.delayed;
                        else
                            object.delayed = options.longs === $String ? $util.Long.prototype.toString.call(message.delayed) : options.longs === $Number ? new $util.LongBits(message.delayed.low >>> 0, message.delayed.high >>> 0).toNumber(true) : message.delayed;
                    if (message.dead != null && $Object.hasOwnProperty.call(message, "dead"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.dead = typeof message.dead === "number" ? $BigInt(message.dead) : $util.Long.fromBits(message.dead.low >>> 0, message.dead.high >>> 0, true).toBigInt();
                        else if (typeof message.dead === "number")
                            object.dead = options.longs === $String ? $String(message.dead) : message.dead;
                        else
                            object.dead = options.longs === $String ? $util.Long.prototype.toString.call(message.dead) : options.longs === $Number ? new $util.LongBits(message.dead.low >>> 0, message.dead.high >>> 0).toNumber(true) : message.dead;
                    return object;
                };

                /**
                 * Converts this QueueDepth to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.QueueDepth
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                QueueDepth.prototype.toJSON = function() {
                    return QueueDepth.toObject(this, $protobuf.util.toJSONOptions);
                };

                return QueueDepth;
            })();

            v1.JobList = (function() {

                /**
                 * Properties of a JobList.
                 * @typedef {Object} corral.control.v1.JobList.$Properties
                 * @property {Array.<corral.control.v1.JobInfo.$Properties>|null} [jobs] JobList jobs
                 * @property {number|null} [matched] JobList matched
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a JobList.
                 * @memberof corral.control.v1
                 * @interface IJobList
                 * @augments corral.control.v1.JobList.$Properties
                 * @deprecated Use corral.control.v1.JobList.$Properties instead.
                 */

                /**
                 * Shape of a JobList.
                 * @typedef {corral.control.v1.JobList.$Properties} corral.control.v1.JobList.$Shape
                 */

                /**
                 * Constructs a new JobList.
                 * @memberof corral.control.v1
                 * @classdesc Represents a JobList.
                 * @constructor
                 * @param {corral.control.v1.JobList.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const JobList = function (properties) {
                    this.jobs = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * JobList jobs.
                 * @member {Array.<corral.control.v1.JobInfo.$Properties>} jobs
                 * @memberof corral.control.v1.JobList
                 * @instance
                 */
                JobList.prototype.jobs = $util.emptyArray;

                /**
                 * JobList matched.
                 * @member {number} matched
                 * @memberof corral.control.v1.JobList
                 * @instance
                 */
                JobList.prototype.matched = 0;

                /**
                 * Creates a new JobList instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.JobList
                 * @static
                 * @param {corral.control.v1.JobList.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.JobList} JobList instance
                 * @type {{
                 *   (properties: corral.control.v1.JobList.$Shape): corral.control.v1.JobList & corral.control.v1.JobList.$Shape;
                 *   (properties?: corral.control.v1.JobList.$Properties): corral.control.v1.JobList;
                 * }}
                 */
                JobList.create = function(properties) {
                    return new JobList(properties);
                };

                /**
                 * Encodes the specified JobList message. Does not implicitly {@link corral.control.v1.JobList.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.JobList
                 * @static
                 * @param {corral.control.v1.JobList.$Properties} message JobList message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                JobList.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.jobs != null && message.jobs.length)
                        for (let i = 0; i < message.jobs.length; ++i)
                            $root.corral.control.v1.JobInfo.encode(message.jobs[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.matched != null && $Object.hasOwnProperty.call(message, "matched") && message.matched !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.matched);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a JobList message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.JobList
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.JobList & corral.control.v1.JobList.$Shape} JobList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                JobList.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.JobList();
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
                                if (!(message.jobs && message.jobs.length))
                                    message.jobs = [];
                                message.jobs.push($root.corral.control.v1.JobInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.matched = value;
                                else
                                    delete message.matched;
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
                 * Creates a JobList message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.JobList
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.JobList} JobList
                 */
                JobList.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.JobList)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.JobList: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.JobList();
                    if (object.jobs) {
                        if (!$Array.isArray(object.jobs))
                            throw $TypeError(".corral.control.v1.JobList.jobs: array expected");
                        message.jobs = $Array(object.jobs.length);
                        for (let i = 0; i < object.jobs.length; ++i) {
                            if (!$util.isObject(object.jobs[i]))
                                throw $TypeError(".corral.control.v1.JobList.jobs: object expected");
                            message.jobs[i] = $root.corral.control.v1.JobInfo.fromObject(object.jobs[i], _depth + 1);
                        }
                    }
                    if (object.matched != null)
                        if ($Number(object.matched) !== 0)
                            message.matched = object.matched >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a JobList message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.JobList
                 * @static
                 * @param {corral.control.v1.JobList} message JobList
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                JobList.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.jobs = [];
                    if (options.defaults)
                        object.matched = 0;
                    if (message.jobs && message.jobs.length) {
                        object.jobs = $Array(message.jobs.length);
                        for (let j = 0; j < message.jobs.length; ++j)
                            object.jobs[j] = $root.corral.control.v1.JobInfo.toObject(message.jobs[j], options, _depth + 1);
                    }
                    if (message.matched != null && $Object.hasOwnProperty.call(message, "matched"))
                        object.matched = message.matched;
                    return object;
                };

                /**
                 * Converts this JobList to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.JobList
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                JobList.prototype.toJSON = function() {
                    return JobList.toObject(this, $protobuf.util.toJSONOptions);
                };

                return JobList;
            })();

            v1.JobInfo = (function() {

                /**
                 * Properties of a JobInfo.
                 * @typedef {Object} corral.control.v1.JobInfo.$Properties
                 * @property {number|null} [id] JobInfo id
                 * @property {string|null} [app] JobInfo app
                 * @property {string|null} [action] JobInfo action
                 * @property {string|null} [state] JobInfo state
                 * @property {number|null} [worker] JobInfo worker
                 * @property {string|null} [caller] JobInfo caller
                 * @property {number|null} [submittedAtMs] JobInfo submittedAtMs
                 * @property {number|null} [startedAtMs] JobInfo startedAtMs
                 * @property {number|null} [endedAtMs] JobInfo endedAtMs
                 * @property {number|null} [payloadBytes] JobInfo payloadBytes
                 * @property {string|null} [errorCode] JobInfo errorCode
                 * @property {string|null} [errorMessage] JobInfo errorMessage
                 * @property {Object.<string,string>|null} [meta] JobInfo meta
                 * @property {number|null} [chunks] JobInfo chunks
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a JobInfo.
                 * @memberof corral.control.v1
                 * @interface IJobInfo
                 * @augments corral.control.v1.JobInfo.$Properties
                 * @deprecated Use corral.control.v1.JobInfo.$Properties instead.
                 */

                /**
                 * Shape of a JobInfo.
                 * @typedef {corral.control.v1.JobInfo.$Properties} corral.control.v1.JobInfo.$Shape
                 */

                /**
                 * Constructs a new JobInfo.
                 * @memberof corral.control.v1
                 * @classdesc Represents a JobInfo.
                 * @constructor
                 * @param {corral.control.v1.JobInfo.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const JobInfo = function (properties) {
                    this.meta = {};
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * JobInfo id.
                 * @member {number} id
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * JobInfo app.
                 * @member {string} app
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.app = "";

                /**
                 * JobInfo action.
                 * @member {string} action
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.action = "";

                /**
                 * JobInfo state.
                 * @member {string} state
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.state = "";

                /**
                 * JobInfo worker.
                 * @member {number} worker
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.worker = 0;

                /**
                 * JobInfo caller.
                 * @member {string} caller
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.caller = "";

                /**
                 * JobInfo submittedAtMs.
                 * @member {number} submittedAtMs
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.submittedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * JobInfo startedAtMs.
                 * @member {number} startedAtMs
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * JobInfo endedAtMs.
                 * @member {number} endedAtMs
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.endedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * JobInfo payloadBytes.
                 * @member {number} payloadBytes
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.payloadBytes = 0;

                /**
                 * JobInfo errorCode.
                 * @member {string} errorCode
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.errorCode = "";

                /**
                 * JobInfo errorMessage.
                 * @member {string} errorMessage
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.errorMessage = "";

                /**
                 * JobInfo meta.
                 * @member {Object.<string,string>} meta
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.meta = $util.emptyObject;

                /**
                 * JobInfo chunks.
                 * @member {number} chunks
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 */
                JobInfo.prototype.chunks = 0;

                /**
                 * Creates a new JobInfo instance using the specified properties.
                 * @function create
                 * @memberof corral.control.v1.JobInfo
                 * @static
                 * @param {corral.control.v1.JobInfo.$Properties=} [properties] Properties to set
                 * @returns {corral.control.v1.JobInfo} JobInfo instance
                 * @type {{
                 *   (properties: corral.control.v1.JobInfo.$Shape): corral.control.v1.JobInfo & corral.control.v1.JobInfo.$Shape;
                 *   (properties?: corral.control.v1.JobInfo.$Properties): corral.control.v1.JobInfo;
                 * }}
                 */
                JobInfo.create = function(properties) {
                    return new JobInfo(properties);
                };

                /**
                 * Encodes the specified JobInfo message. Does not implicitly {@link corral.control.v1.JobInfo.verify|verify} messages.
                 * @function encode
                 * @memberof corral.control.v1.JobInfo
                 * @static
                 * @param {corral.control.v1.JobInfo.$Properties} message JobInfo message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                JobInfo.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                    if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.app);
                    if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.action);
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.state);
                    if (message.worker != null && $Object.hasOwnProperty.call(message, "worker") && message.worker !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.worker);
                    if (message.caller != null && $Object.hasOwnProperty.call(message, "caller") && message.caller !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.caller);
                    if (message.submittedAtMs != null && $Object.hasOwnProperty.call(message, "submittedAtMs") && (typeof message.submittedAtMs === "object" ? message.submittedAtMs.low || message.submittedAtMs.high : message.submittedAtMs !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.submittedAtMs);
                    if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs") && (typeof message.startedAtMs === "object" ? message.startedAtMs.low || message.startedAtMs.high : message.startedAtMs !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.startedAtMs);
                    if (message.endedAtMs != null && $Object.hasOwnProperty.call(message, "endedAtMs") && (typeof message.endedAtMs === "object" ? message.endedAtMs.low || message.endedAtMs.high : message.endedAtMs !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.endedAtMs);
                    if (message.payloadBytes != null && $Object.hasOwnProperty.call(message, "payloadBytes") && message.payloadBytes !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.payloadBytes);
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                        writer.uint32(/* id 11, wireType 2 =*/90).string(message.errorCode);
                    if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.errorMessage);
                    if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                        for (let keys = $Object.keys(message.meta), i = 0; i < keys.length; ++i)
                            writer.uint32(/* id 13, wireType 2 =*/106).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.meta[keys[i]]).ldelim();
                    if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks") && message.chunks !== 0)
                        writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.chunks);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a JobInfo message from the specified reader or buffer.
                 * @function decode
                 * @memberof corral.control.v1.JobInfo
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {corral.control.v1.JobInfo & corral.control.v1.JobInfo.$Shape} JobInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                JobInfo.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.corral.control.v1.JobInfo();
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
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.app = value;
                                else
                                    delete message.app;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.action = value;
                                else
                                    delete message.action;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.state = value;
                                else
                                    delete message.state;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.worker = value;
                                else
                                    delete message.worker;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.caller = value;
                                else
                                    delete message.caller;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.submittedAtMs = value;
                                else
                                    delete message.submittedAtMs;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.startedAtMs = value;
                                else
                                    delete message.startedAtMs;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.endedAtMs = value;
                                else
                                    delete message.endedAtMs;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.payloadBytes = value;
                                else
                                    delete message.payloadBytes;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.errorCode = value;
                                else
                                    delete message.errorCode;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.errorMessage = value;
                                else
                                    delete message.errorMessage;
                                continue;
                            }
                        case 13: {
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
                        case 14: {
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
                 * Creates a JobInfo message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof corral.control.v1.JobInfo
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {corral.control.v1.JobInfo} JobInfo
                 */
                JobInfo.fromObject = function (object, _depth) {
                    if (object instanceof $root.corral.control.v1.JobInfo)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".corral.control.v1.JobInfo: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.corral.control.v1.JobInfo();
                    if (object.id != null)
                        if (typeof object.id === "object" ? object.id.low || object.id.high : $Number(object.id) !== 0)
                            if ($util.Long)
                                message.id = $util.Long.fromValue(object.id, true);
                            else if (typeof object.id === "string")
                                message.id = $parseInt(object.id, 10);
                            else if (typeof object.id === "number")
                                message.id = object.id;
                            else if (typeof object.id === "object")
                                message.id = new $util.LongBits(object.id.low >>> 0, object.id.high >>> 0).toNumber(true);
                    if (object.app != null)
                        if (typeof object.app !== "string" || object.app.length)
                            message.app = $String(object.app);
                    if (object.action != null)
                        if (typeof object.action !== "string" || object.action.length)
                            message.action = $String(object.action);
                    if (object.state != null)
                        if (typeof object.state !== "string" || object.state.length)
                            message.state = $String(object.state);
                    if (object.worker != null)
                        if ($Number(object.worker) !== 0)
                            message.worker = object.worker >>> 0;
                    if (object.caller != null)
                        if (typeof object.caller !== "string" || object.caller.length)
                            message.caller = $String(object.caller);
                    if (object.submittedAtMs != null)
                        if (typeof object.submittedAtMs === "object" ? object.submittedAtMs.low || object.submittedAtMs.high : $Number(object.submittedAtMs) !== 0)
                            if ($util.Long)
                                message.submittedAtMs = $util.Long.fromValue(object.submittedAtMs, true);
                            else if (typeof object.submittedAtMs === "string")
                                message.submittedAtMs = $parseInt(object.submittedAtMs, 10);
                            else if (typeof object.submittedAtMs === "number")
                                message.submittedAtMs = object.submittedAtMs;
                            else if (typeof object.submittedAtMs === "object")
                                message.submittedAtMs = new $util.LongBits(object.submittedAtMs.low >>> 0, object.submittedAtMs.high >>> 0).toNumber(true);
                    if (object.startedAtMs != null)
                        if (typeof object.startedAtMs === "object" ? object.startedAtMs.low || object.startedAtMs.high : $Number(object.startedAtMs) !== 0)
                            if ($util.Long)
                                message.startedAtMs = $util.Long.fromValue(object.startedAtMs, true);
                            else if (typeof object.startedAtMs === "string")
                                message.startedAtMs = $parseInt(object.startedAtMs, 10);
                            else if (typeof object.startedAtMs === "number")
                                message.startedAtMs = object.startedAtMs;
                            else if (typeof object.startedAtMs === "object")
                                message.startedAtMs = new $util.LongBits(object.startedAtMs.low >>> 0, object.startedAtMs.high >>> 0).toNumber(true);
                    if (object.endedAtMs != null)
                        if (typeof object.endedAtMs === "object" ? object.endedAtMs.low || object.endedAtMs.high : $Number(object.endedAtMs) !== 0)
                            if ($util.Long)
                                message.endedAtMs = $util.Long.fromValue(object.endedAtMs, true);
                            else if (typeof object.endedAtMs === "string")
                                message.endedAtMs = $parseInt(object.endedAtMs, 10);
                            else if (typeof object.endedAtMs === "number")
                                message.endedAtMs = object.endedAtMs;
                            else if (typeof object.endedAtMs === "object")
                                message.endedAtMs = new $util.LongBits(object.endedAtMs.low >>> 0, object.endedAtMs.high >>> 0).toNumber(true);
                    if (object.payloadBytes != null)
                        if ($Number(object.payloadBytes) !== 0)
                            message.payloadBytes = object.payloadBytes >>> 0;
                    if (object.errorCode != null)
                        if (typeof object.errorCode !== "string" || object.errorCode.length)
                            message.errorCode = $String(object.errorCode);
                    if (object.errorMessage != null)
                        if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                            message.errorMessage = $String(object.errorMessage);
                    if (object.meta) {
                        if (!$util.isObject(object.meta))
                            throw $TypeError(".corral.control.v1.JobInfo.meta: object expected");
                        message.meta = {};
                        for (let keys = $Object.keys(object.meta), i = 0; i < keys.length; ++i) {
                            if (keys[i] === "__proto__")
                                $util.makeProp(message.meta, keys[i]);
                            message.meta[keys[i]] = $String(object.meta[keys[i]]);
                        }
                    }
                    if (object.chunks != null)
                        if ($Number(object.chunks) !== 0)
                            message.chunks = object.chunks >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a JobInfo message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof corral.control.v1.JobInfo
                 * @static
                 * @param {corral.control.v1.JobInfo} message JobInfo
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                JobInfo.toObject = function (message, options, _depth) {
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
                            object.id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.app = "";
                        object.action = "";
                        object.state = "";
                        object.worker = 0;
                        object.caller = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.submittedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.submittedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.startedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.startedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.endedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.endedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.payloadBytes = 0;
                        object.errorCode = "";
                        object.errorMessage = "";
                        object.chunks = 0;
                    }
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.id = typeof message.id === "number" ? $BigInt(message.id) : $util.Long.fromBits(message.id.low >>> 0, message.id.high >>> 0, true).toBigInt();
                        else if (typeof message.id === "number")
                            object.id = options.longs === $String ? $String(message.id) : message.id;
                        else
                            object.id = options.longs === $String ? $util.Long.prototype.toString.call(message.id) : options.longs === $Number ? new $util.LongBits(message.id.low >>> 0, message.id.high >>> 0).toNumber(true) : message.id;
                    if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                        object.app = message.app;
                    if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                        object.action = message.action;
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        object.state = message.state;
                    if (message.worker != null && $Object.hasOwnProperty.call(message, "worker"))
                        object.worker = message.worker;
                    if (message.caller != null && $Object.hasOwnProperty.call(message, "caller"))
                        object.caller = message.caller;
                    if (message.submittedAtMs != null && $Object.hasOwnProperty.call(message, "submittedAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.submittedAtMs = typeof message.submittedAtMs === "number" ? $BigInt(message.submittedAtMs) : $util.Long.fromBits(message.submittedAtMs.low >>> 0, message.submittedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.submittedAtMs === "number")
                            object.submittedAtMs = options.longs === $String ? $String(message.submittedAtMs) : message.submittedAtMs;
                        else
                            object.submittedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.submittedAtMs) : options.longs === $Number ? new $util.LongBits(message.submittedAtMs.low >>> 0, message.submittedAtMs.high >>> 0).toNumber(true) : message.submittedAtMs;
                    if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.startedAtMs = typeof message.startedAtMs === "number" ? $BigInt(message.startedAtMs) : $util.Long.fromBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.startedAtMs === "number")
                            object.startedAtMs = options.longs === $String ? $String(message.startedAtMs) : message.startedAtMs;
                        else
                            object.startedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startedAtMs) : options.longs === $Number ? new $util.LongBits(message.startedAtMs.low >>> 0, message.startedAtMs.high >>> 0).toNumber(true) : message.startedAtMs;
                    if (message.endedAtMs != null && $Object.hasOwnProperty.call(message, "endedAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.endedAtMs = typeof message.endedAtMs === "number" ? $BigInt(message.endedAtMs) : $util.Long.fromBits(message.endedAtMs.low >>> 0, message.endedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.endedAtMs === "number")
                            object.endedAtMs = options.longs === $String ? $String(message.endedAtMs) : message.endedAtMs;
                        else
                            object.endedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.endedAtMs) : options.longs === $Number ? new $util.LongBits(message.endedAtMs.low >>> 0, message.endedAtMs.high >>> 0).toNumber(true) : message.endedAtMs;
                    if (message.payloadBytes != null && $Object.hasOwnProperty.call(message, "payloadBytes"))
                        object.payloadBytes = message.payloadBytes;
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                        object.errorCode = message.errorCode;
                    if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                        object.errorMessage = message.errorMessage;
                    let keys2;
                    if (message.meta && (keys2 = $Object.keys(message.meta)).length) {
                        object.meta = {};
                        for (let j = 0; j < keys2.length; ++j) {
                            if (keys2[j] === "__proto__")
                                $util.makeProp(object.meta, keys2[j]);
                            object.meta[keys2[j]] = message.meta[keys2[j]];
                        }
                    }
                    if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks"))
                        object.chunks = message.chunks;
                    return object;
                };

                /**
                 * Converts this JobInfo to JSON.
                 * @function toJSON
                 * @memberof corral.control.v1.JobInfo
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                JobInfo.prototype.toJSON = function() {
                    return JobInfo.toObject(this, $protobuf.util.toJSONOptions);
                };

                return JobInfo;
            })();

            return v1;
        })();

        return control;
    })();

    return corral;
})();

export {
  $root as default
};
