// Compiles a whole model (several profiles) against a header row, and picks the best-fitting profile.

import { CompiledProfile, compileContext, type CompileOptions } from './compile';
import { EngineError } from './errors';
import { HeaderMap } from './headers';
import { profileKey, type Model } from './model';

export interface BestFit {
  blank: boolean;
  /** The best-fitting profile's name, or null when every profile disqualifies the row. */
  profile: string | null;
  score: number;
  tier: string;
}

export class CompiledModel {
  readonly profiles: CompiledProfile[];
  readonly profileNames: string[];
  readonly defaultProfileName: string;

  constructor(readonly model: Model, headers: readonly unknown[], options: CompileOptions = {}) {
    const map = new HeaderMap(headers);
    const context = compileContext(options);
    this.profiles = model.profiles.map((p) => new CompiledProfile(p, map, context));
    this.profileNames = this.profiles.map((p) => p.name);
    this.defaultProfileName = model.defaultProfile ?? this.profileNames[0] ?? '';
  }

  /** A profile by name (case- and space-insensitive); the default profile when no name is given. */
  profile(name?: string): CompiledProfile {
    const wanted = profileKey(name === undefined || name.trim() === '' ? this.defaultProfileName : name);
    const found = this.profiles.find((p) => profileKey(p.name) === wanted);
    if (found === undefined) {
      throw new EngineError(`Unknown profile "${name}". This model has: ${this.profileNames.map((n) => `"${n}"`).join(', ')}.`);
    }
    return found;
  }

  /** The profile the row fits best: the highest score among profiles that do not disqualify it; ties go to the earlier profile. */
  bestFit(row: readonly unknown[]): BestFit {
    let best: BestFit | undefined;
    for (const p of this.profiles) {
      const r = p.evaluate(row);
      if (r.blank) return { blank: true, profile: null, score: 0, tier: '' };
      if (r.disqualified) continue;
      if (best === undefined || r.score > best.score) best = { blank: false, profile: p.name, score: r.score, tier: r.tier };
    }
    return best ?? { blank: false, profile: null, score: 0, tier: '' };
  }
}

export function compileModel(model: Model, headers: readonly unknown[], options?: CompileOptions): CompiledModel {
  return new CompiledModel(model, headers, options);
}
