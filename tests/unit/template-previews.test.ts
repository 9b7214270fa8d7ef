/**
 * Every template the home page offers has its preview picture (written by
 * tests/e2e/template-previews.spec.ts from the real studio): a PNG, not empty, not huge.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES } from '../../src/lib/templates';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('template previews', () => {
  for (const name of TEMPLATE_NAMES)
    it(`${name} has a PNG preview`, () => {
      const bytes = readFileSync(`static/templates/${name}.png`);
      expect([...bytes.subarray(0, 8)]).toEqual(PNG);
      // The width and height of the picture, from the IHDR chunk: a page, not a sliver.
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(width).toBeGreaterThan(200);
      expect(height).toBeGreaterThan(150);
      expect(bytes.length).toBeLessThan(400_000);
    });
});
