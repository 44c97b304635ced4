// Preloaded into a child Node process (`--import`): counts what starts ICU's locale data (an Intl
// formatter built, a `supportedLocalesOf` asked, a number written for a locale) and, on exit,
// writes one line per kind of use (`NumberFormat 2`) to the file named by ENROLLSCOPE_INTL_USES_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.ENROLLSCOPE_INTL_USES_FILE;
if (file) {
  const uses = new Map();
  const count = (what) => uses.set(what, (uses.get(what) ?? 0) + 1);
  for (const name of ['NumberFormat', 'DateTimeFormat', 'PluralRules', 'ListFormat', 'RelativeTimeFormat', 'Locale']) {
    const original = Intl[name];
    Intl[name] = new Proxy(original, {
      construct(target, args) {
        count(name);
        return Reflect.construct(target, args);
      },
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key !== 'supportedLocalesOf') return value;
        return (...args) => {
          count(`${name}.supportedLocalesOf`);
          return value.apply(target, args);
        };
      },
    });
  }
  const toLocaleString = Number.prototype.toLocaleString;
  Number.prototype.toLocaleString = function (...args) {
    count('Number.toLocaleString');
    return toLocaleString.apply(this, args);
  };
  process.on('exit', () => writeFileSync(file, [...uses].map(([what, n]) => `${what} ${n}\n`).join('')));
}
