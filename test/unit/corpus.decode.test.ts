import * as assert from 'assert';
import { decodeBytes } from '../../server/src/core/corpus/decode';

const zh = '全球治理体系改革';

describe('reading bytes', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    const plain = Buffer.from(zh, 'utf8');
    assert.deepStrictEqual([decodeBytes(plain).text, decodeBytes(plain).encoding], [zh, 'utf-8']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    assert.strictEqual(decodeBytes(bom).text, zh);
  });

  it('reads UTF-16 LE and BE with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(zh, 'utf16le')]);
    assert.deepStrictEqual([decodeBytes(le).text, decodeBytes(le).encoding], [zh, 'utf-16le']);
    const be = Buffer.from(Buffer.from(zh, 'utf16le')).swap16();
    const withBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    assert.deepStrictEqual([decodeBytes(withBom).text, decodeBytes(withBom).encoding], [zh, 'utf-16be']);
  });

  it('reads GB18030 (GBK) text that is not UTF-8', () => {
    // 多边主义 in GBK
    const gbk = Buffer.from([0xb6, 0xe0, 0xb1, 0xdf, 0xd6, 0xf7, 0xd2, 0xe5]);
    assert.deepStrictEqual([decodeBytes(gbk).text, decodeBytes(gbk).encoding], ['多边主义', 'gb18030']);
  });

  it('replaces invalid bytes and keeps the rest, saying so', () => {
    const bytes = Buffer.concat([Buffer.from('前文', 'utf8'), Buffer.from([0xff]), Buffer.from('后文', 'utf8')]);
    const d = decodeBytes(bytes);
    assert.strictEqual(d.text, '前文\ufffd后文');
    assert.match(d.problems[0].message, /1 invalid UTF-8/);
  });

  it('skips binary data', () => {
    const d = decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    assert.deepStrictEqual([d.encoding, d.text], ['binary', '']);
  });

  it('reads an empty file as empty text', () => {
    assert.deepStrictEqual([decodeBytes(Buffer.alloc(0)).text, decodeBytes(Buffer.alloc(0)).encoding], ['', 'utf-8']);
  });
});
