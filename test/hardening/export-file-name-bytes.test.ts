// Regression (found by fuzzing, fixed): fileNameFor caps names at 100 characters (code points), but file
// systems cap them in bytes or UTF-16 units: ext4, btrfs, XFS, tmpfs and APFS
// allow 255 UTF-8 bytes, NTFS 255 UTF-16 units. A title in Chinese, Japanese,
// Korean, Hindi or Thai (3 bytes a character in UTF-8), or in astral letters
// (4 bytes, 2 UTF-16 units), gives a name of 300–400 bytes: saving
// "<name>.md" (a library zip unpacked, the CLI writing a note) fails with
// ENAMETOOLONG on Linux and macOS. Suggested fix: after truncating by code
// points, also drop whole code points from the end while the UTF-8 length of
// name + the longest suffix FileNamer adds (" (99999).md") exceeds 255 bytes.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileNameFor, FileNamer } from '../../src/export';

const dir = mkdtempSync(join(tmpdir(), 'ih-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLES = {
  chinese:
    '我们如何在推荐系统中使用大型语言模型来理解用户并且改进个性化的广告和消费产品以及推荐系统的未来发展方向与挑战'.repeat(
      3,
    ),
  japanese:
    'エンジニアリングのキャリアをピンタレストで築くためにわたしたちが大切にしている文化と価値観についてのインタビュー'.repeat(
      3,
    ),
  hindi: 'पिंटरेस्ट में इंजीनियरिंग करियर बनाने के बारे में एक लंबी बातचीत'.repeat(3),
  astral: '𝐂𝐫𝐞𝐚𝐭𝐞 𝐭𝐡𝐞 𝐞𝐧𝐠𝐢𝐧𝐞𝐞𝐫𝐢𝐧𝐠 𝐜𝐚𝐫𝐞𝐞𝐫 𝐲𝐨𝐮 𝐥𝐨𝐯𝐞'.repeat(5),
};

describe('file names from long non-Latin titles', () => {
  it.each(Object.entries(TITLES))(
    '%s: name plus ".md" fits in 255 UTF-8 bytes and 255 UTF-16 units',
    (_script, title) => {
      const name = `${fileNameFor(title)}.md`;
      expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
      expect(name.length).toBeLessThanOrEqual(255);
    },
  );

  it.each(Object.entries(TITLES))(
    '%s: FileNamer names (with counters) can be written to disk',
    (_script, title) => {
      const namer = new FileNamer('.md');
      for (let i = 0; i < 3; i++) {
        const name = namer.next(title);
        expect(() => writeFileSync(join(dir, name), 'x')).not.toThrow();
      }
    },
  );
});
