// The script variants as a provider: the shipped protected-term dictionary plus the configured ones,
// loaded once at boot.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { identity, readProtectedTerms, ScriptVariants, type ScriptVariant, type TextConverter } from './script-variants.js';

/** The shipped dictionary sits beside this file (dist/ gets a copy from scripts/copy-assets.mjs). */
function shippedDictionary(): string {
  const candidates = [new URL('./protected-terms.txt', import.meta.url), new URL('../../../../src/distribution/variants/protected-terms.txt', import.meta.url)].map(
    (url) => fileURLToPath(url),
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`protected-terms dictionary not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Simplified or traditional, judged by whether folding to simplified changes the text. */
const HAN = /\p{Script=Han}/u;

@Injectable()
export class VariantConverters {
  private readonly variants: ScriptVariants;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const terms = [shippedDictionary(), ...config.distribution.protectedTermPaths].flatMap(readProtectedTerms);
    this.variants = new ScriptVariants(terms);
  }

  /** Converts text of a story written in `language` to `variant`; the identity without a variant. */
  converterFor(variant: ScriptVariant | undefined, language: string): TextConverter {
    return variant ? this.variants.converterFor(variant, language) : identity;
  }

  /** The language a converted story is in: the variant for Chinese stories, else unchanged. */
  languageFor(variant: ScriptVariant | undefined, language: string): string {
    return variant && /^zh(-|$)/i.test(language) ? variant : language;
  }

  /** For text whose story language is not known (search hits): traditional if folding it changes it. */
  guessLanguage(text: string): string {
    if (!HAN.test(text)) return 'und';
    return this.variants.converterFor('zh-Hans', 'zh-Hant')(text) === text ? 'zh-Hans' : 'zh-Hant';
  }
}
