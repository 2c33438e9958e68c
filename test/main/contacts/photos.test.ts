import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed } from '../../../src/main/interop/contactsImport';
import { readContactsFile } from '../../../src/main/interop/read';
import { MAX_PHOTO_BYTES } from '../../../src/shared/contacts/photo';
import { fixture } from '../interop/fixtures';
import { addContact, call, fields, refused } from '../journal/call';
import { jpeg } from '../../support/photo';
import { tempStore, type TempStore } from '../../support/store';

const NOW = new Date('2026-11-20T09:00:00.000Z');
let clock = NOW;

const webp = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.alloc(4),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32, 1),
]);

let t: TempStore;
beforeEach(async () => {
  clock = NOW;
  t = await tempStore(() => clock);
});
afterEach(async () => {
  await t.cleanup();
});

const photoRows = () =>
  t.store.sqlite.prepare('SELECT contact_id, mime, data FROM contact_photos').raw().all();

const setPhoto = (id: number, mime: 'image/jpeg' | 'image/webp', bytes: Buffer) =>
  call(t.ctx, 'contacts:setPhoto', { id, mime, base64: bytes.toString('base64') });

async function photoBytes(id: number, version: string | null): Promise<Buffer | null> {
  if (version === null) return null;
  const photo = await call(t.ctx, 'contacts:photo', { id, version });
  if (photo === null) return null;
  const [head, data] = photo.dataUrl.split(',');
  expect(head).toMatch(/^data:image\/(png|jpeg|webp|gif);base64$/);
  return Buffer.from(data, 'base64');
}

describe('contact photos', () => {
  it('shows the photo a vCard brought in, on the contact and in the list, and no one else gets one', async () => {
    await commitParsed(t.store, readContactsFile('apple-3.0.vcf', fixture('apple-3.0.vcf')), {
      circle: 'colleague',
      now: NOW,
      dataDir: t.dir,
    });
    const list = await call(t.ctx, 'contacts:list', {});
    const chidi = list.items.find((c) => c.displayName === 'Chidi Okafor')!;
    const yuki = list.items.find((c) => c.displayName === 'Yuki Nakamura')!;
    expect(chidi.photo).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(yuki.photo).toBeNull();
    expect((await call(t.ctx, 'contacts:get', { id: chidi.id })).photo).toBe(chidi.photo);
    // The card's PNG, byte for byte (the fixture's base64 is folded over two lines).
    const card = Buffer.from(fixture('apple-3.0.vcf')).toString('utf8');
    const base64 = /PHOTO;[^:]*:([\s\S]*?)\r?\nEND:VCARD/.exec(card)![1].replace(/\r?\n /g, '');
    expect(await photoBytes(chidi.id, chidi.photo)).toEqual(Buffer.from(base64, 'base64'));
    expect(await call(t.ctx, 'contacts:photo', { id: yuki.id, version: '' })).toBeNull();
  });

  it('sets, replaces and removes a photo, each version asked for by when it was set', async () => {
    const id = await addContact(t.ctx, 'Ana Souza');
    clock = new Date('2026-11-21T10:00:00.000Z');
    const set = await setPhoto(id, 'image/jpeg', jpeg);
    expect(set.photo).toBe('2026-11-21T10:00:00.000Z');
    expect(set.updatedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(await photoBytes(id, set.photo)).toEqual(jpeg);

    clock = new Date('2026-11-22T10:00:00.000Z');
    const replaced = await setPhoto(id, 'image/webp', webp);
    expect(replaced.photo).toBe('2026-11-22T10:00:00.000Z');
    expect(await photoBytes(id, replaced.photo)).toEqual(webp);
    // The version shown before is gone: a window holding it asks again with the new one.
    expect(await call(t.ctx, 'contacts:photo', { id, version: set.photo! })).toBeNull();
    expect(photoRows()).toHaveLength(1);

    const removed = await call(t.ctx, 'contacts:removePhoto', { id });
    expect(removed.photo).toBeNull();
    expect((await call(t.ctx, 'contacts:list', {})).items[0].photo).toBeNull();
    expect(photoRows()).toEqual([]);
  });

  it('refuses what is not the image it says it is, too large, or for no one, and keeps the photo there was', async () => {
    const id = await addContact(t.ctx, 'Ben Okoro');
    await setPhoto(id, 'image/jpeg', jpeg);
    const before = photoRows();

    const text = await refused(t.ctx, 'contacts:setPhoto', {
      id,
      mime: 'image/png',
      base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
    });
    expect(text).toMatchObject({
      code: 'VALIDATION',
      message: 'The photo is not a JPEG, PNG, WebP or GIF image.',
    });
    const mislabelled = await refused(t.ctx, 'contacts:setPhoto', {
      id,
      mime: 'image/png',
      base64: jpeg.toString('base64'),
    });
    expect(mislabelled.message).toBe('The photo is a JPEG image, not a PNG one.');
    expect(fields(mislabelled)).toEqual(['mime']);
    const svg = await refused(t.ctx, 'contacts:setPhoto', { id, mime: 'image/svg+xml', base64: 'PHN2Zy8+' });
    expect(svg.code).toBe('VALIDATION');
    expect(fields(svg)).toEqual(['mime']);
    const notBase64 = await refused(t.ctx, 'contacts:setPhoto', {
      id,
      mime: 'image/jpeg',
      base64: 'not base64!',
    });
    expect(fields(notBase64)).toEqual(['base64']);
    const huge = Buffer.concat([jpeg, Buffer.alloc(MAX_PHOTO_BYTES)]).toString('base64');
    const tooLarge = await refused(t.ctx, 'contacts:setPhoto', { id, mime: 'image/jpeg', base64: huge });
    expect(tooLarge.message).toContain('A photo can be at most 2 MB');
    const nobody = await refused(t.ctx, 'contacts:setPhoto', {
      id: id + 100,
      mime: 'image/jpeg',
      base64: jpeg.toString('base64'),
    });
    expect(nobody).toMatchObject({ code: 'NOT_FOUND', message: `There is no contact with id ${id + 100}.` });
    expect((await refused(t.ctx, 'contacts:removePhoto', { id: id + 100 })).code).toBe('NOT_FOUND');
    expect(photoRows()).toEqual(before);
  });

  it('undoes a merge recorded before photos were kept as base64 in its snapshot', async () => {
    const keep = await addContact(t.ctx, 'Chidi Okafor');
    const remove = await addContact(t.ctx, 'Chidi O.');
    await setPhoto(remove, 'image/jpeg', jpeg);
    const merged = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    // As an earlier version wrote it: the bytes as Buffer#toJSON gives them.
    const payload = t.store.sqlite
      .prepare('SELECT payload FROM undo_snapshots WHERE id = ?')
      .pluck()
      .get(merged.undoToken) as string;
    const legacy = payload.replace(/\{"\$base64":"([^"]*)"\}/g, (_, b64: string) =>
      JSON.stringify(Buffer.from(b64, 'base64')),
    );
    expect(legacy).toContain('"type":"Buffer"');
    t.store.sqlite
      .prepare('UPDATE undo_snapshots SET payload = ? WHERE id = ?')
      .run(legacy, merged.undoToken);

    await call(t.ctx, 'duplicates:undoMerge', { token: merged.undoToken });
    const back = await call(t.ctx, 'contacts:get', { id: remove });
    expect(await photoBytes(remove, back.photo)).toEqual(jpeg);
  });

  it("keeps the kept contact's photo in a merge, or the other's when asked, and undo gives each theirs", async () => {
    const keep = await addContact(t.ctx, 'Ana Souza');
    const remove = await addContact(t.ctx, 'Ana S.');
    await setPhoto(keep, 'image/jpeg', jpeg);
    await setPhoto(remove, 'image/webp', webp);
    const before = photoRows();
    const photoOfKept = async () => photoBytes(keep, (await call(t.ctx, 'contacts:get', { id: keep })).photo);

    const byDefault = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    expect(await photoOfKept()).toEqual(jpeg);
    expect(photoRows()).toHaveLength(1);
    await call(t.ctx, 'duplicates:undoMerge', { token: byDefault.undoToken });
    expect(photoRows()).toEqual(before);

    const theirs = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove, photo: 'remove' });
    expect(await photoOfKept()).toEqual(webp);
    expect(photoRows()).toHaveLength(1);
    await call(t.ctx, 'duplicates:undoMerge', { token: theirs.undoToken });
    expect(photoRows()).toEqual(before);
  });

  it('goes with a merged contact when the one kept has none, and back with them when the merge is undone', async () => {
    const keep = await addContact(t.ctx, 'Chidi Okafor');
    const remove = await addContact(t.ctx, 'Chidi O.');
    await call(t.ctx, 'contacts:setPhoto', {
      id: remove,
      mime: 'image/jpeg',
      base64: jpeg.toString('base64'),
    });
    const merged = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    const kept = await call(t.ctx, 'contacts:get', { id: keep });
    expect(await photoBytes(keep, kept.photo)).toEqual(jpeg);

    await call(t.ctx, 'duplicates:undoMerge', { token: merged.undoToken });
    expect((await call(t.ctx, 'contacts:get', { id: keep })).photo).toBeNull();
    const back = await call(t.ctx, 'contacts:get', { id: remove });
    expect(await photoBytes(remove, back.photo)).toEqual(jpeg);
  });
});
