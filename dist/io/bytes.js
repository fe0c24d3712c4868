// A staged file's bytes, and writing them durably: the pieces of a commit below the protocol.
import { createHash } from 'node:crypto';
import { nodeFs } from './fs-port.js';
export function sha256(data) {
    return createHash('sha256').update(data).digest('hex');
}
/** The first `length` bytes of `data`, however many calls the system takes to write them. */
export function writeAll(fd, data, length = data.length, write = nodeFs.writeSync) {
    for (let at = 0; at < length;)
        at += write(fd, data, at, length - at);
}
/** Write `data` to `file` (opened by `open`, which may wait for a file held open), flushed when durable. */
export function writeFileDurably(port, open, data, durable) {
    const fd = open();
    try {
        writeAll(fd, data, data.length, port.writeSync);
        if (durable)
            port.fsyncSync(fd);
    }
    finally {
        port.closeSync(fd);
    }
}
