// oracle.mjs — Mermaid's own journey parser, for test-mermaid-oracle.
//
// Copyright 2026 The Parcours authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
//     node oracle.mjs FILE…
//
// prints one JSON object per FILE and line, in order:
//
//     {"ok": true, "title": …, "accTitle": …, "accDescr": …,
//      "sections": […], "tasks": [{"section", "task", "score", "people"}]}
//     {"ok": false, "error": "…"}
//
// It runs the published `mermaid` package (pinned in package.json) under
// jsdom, through mermaidAPI.getDiagramFromText(): Mermaid's preprocessing
// (CRLF, front matter, directives, `%%` comment lines), its entity
// encoding (`#59;`) and the journey grammar and database. Texts are given
// as Mermaid shows them: `<br>` as a line break, entity codes decoded
// (decodeEntities() and the browser's entity parsing), nothing else
// changed; a score that is not a number is "NaN". The front matter title, which Mermaid's render() (not
// getDiagramFromText) applies before parsing, is read here from a plain
// `title:` line of the front matter.

import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const { default: mermaid } = await import('mermaid');

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

// Mermaid's encodeEntities() turns `#59;` into `ﬂ°°59¶ß` and `#amp;`
// into `ﬂ°amp¶ß`; decodeEntities() makes them `&#59;` and `&amp;` in the
// SVG, which the browser shows as `;` and `&`.
function shown (text) {
  if (typeof text !== 'string')
    return text;
  // `<br>` written as such is a line break; `#60;br>` is text.
  return text.replace(/<br\s*\/?>/gi, '\n')
    .replace(/\ufb02\u00b0\u00b0(\+?\d+)\u00b6\u00df/g,
             (m, n) => String.fromCodePoint(Number(n)))
    .replace(/\ufb02\u00b0(\w+)\u00b6\u00df/g,
             (m, name) => named[name] ?? `&${name};`);
}

// The `title:` of Mermaid's front matter (frontMatterRegex in
// diagram-api/regexes.ts), quotes removed.
function frontMatterTitle (text) {
  const match = text.replace(/\r\n?/g, '\n')
    .match(/^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s);
  if (!match)
    return undefined;
  const line = match[2].split('\n').find((l) => /^\s*title\s*:/.test(l));
  if (line === undefined)
    return undefined;
  let value = line.replace(/^\s*title\s*:\s*/, '').trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") &&
      value[value.length - 1] === value[0])
    value = value.slice(1, -1);
  return value;
}

async function parse (path) {
  const text = readFileSync(path, 'utf8');
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    if (diagram.type !== 'journey')
      return { ok: false, error: `not a journey but ${diagram.type}` };
    const db = diagram.db;
    const tasks = db.getTasks().map((t) => ({
      section: shown(t.section),
      task: shown(t.task),
      score: Number.isNaN(t.score) ? 'NaN' : t.score,
      people: t.people.map(shown),
    }));
    return {
      ok: true,
      title: shown(db.getDiagramTitle()) || frontMatterTitle(text) || '',
      accTitle: shown(db.getAccTitle()),
      accDescr: shown(db.getAccDescription()),
      sections: db.getSections().map(shown),
      tasks,
    };
  } catch (error) {
    return { ok: false, error: String(error.message ?? error).split('\n').slice(0, 4).join(' | ') };
  }
}

for (const path of process.argv.slice(2))
  process.stdout.write(JSON.stringify(await parse(path)) + '\n');
