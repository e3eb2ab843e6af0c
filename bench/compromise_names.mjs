// The NLP baseline for bench/run.py: compromise finds the people, places and organizations in
// each article of a JSON Lines corpus. Prints one JSON object: articles, bytes of text, names.
import fs from 'node:fs';
import readline from 'node:readline';
import nlp from 'compromise';

const input = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
let articles = 0, bytes = 0, names = 0;
for await (const line of input) {
  if (!line.trim()) continue;
  const text = JSON.parse(line).text ?? '';
  const doc = nlp(text);
  names += doc.people().length + doc.places().length + doc.organizations().length;
  articles += 1;
  bytes += Buffer.byteLength(text);
}
console.log(JSON.stringify({ articles, bytes, names }));
