/** A JPEG's first bytes (SOI, JFIF APP0) and some more: what main's signature check reads. */
export const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(64, 7)]);
