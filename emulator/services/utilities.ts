// Emulated Utilities: formatDate, UUIDs, digests, base64 and minimal Blobs; sleep does not wait.
import crypto from 'node:crypto';
import type { EmulatorEnv } from '../env';
import { charsetToEncoding, toBuffer, toSignedBytes } from './bytes';
import { formatDate } from './format-date';

/** https://developers.google.com/apps-script/reference/utilities/digest-algorithm */
export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const);
export type DigestAlgorithmName = keyof typeof DigestAlgorithm;

/** https://developers.google.com/apps-script/reference/utilities/charset */
export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);

const NODE_DIGEST: Record<DigestAlgorithmName, string | null> = {
  MD2: null,
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Blob (https://developers.google.com/apps-script/reference/base/blob), the parts scripts use with Utilities. */
export class Blob {
  readonly #env: EmulatorEnv;
  #bytes: Buffer;
  #contentType: string | null;
  #name: string | null;

  constructor(env: EmulatorEnv, bytes: Buffer, contentType: string | null, name: string | null) {
    this.#env = env;
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }

  getBytes(): number[] {
    this.#env.counter.count('Blob.getBytes');
    return toSignedBytes(this.#bytes);
  }

  setBytes(data: number[]): Blob {
    this.#env.counter.count('Blob.setBytes');
    this.#bytes = toBuffer(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    this.#env.counter.count('Blob.getDataAsString');
    return this.#bytes.toString(charsetToEncoding(charset));
  }

  setDataFromString(string: string, charset?: string): Blob {
    this.#env.counter.count('Blob.setDataFromString');
    this.#bytes = toBuffer(String(string), charset);
    return this;
  }

  getContentType(): string | null {
    this.#env.counter.count('Blob.getContentType');
    return this.#contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.#env.counter.count('Blob.setContentType');
    this.#contentType = contentType;
    return this;
  }

  getName(): string | null {
    this.#env.counter.count('Blob.getName');
    return this.#name;
  }

  setName(name: string): Blob {
    this.#env.counter.count('Blob.setName');
    this.#name = String(name);
    return this;
  }

  isGoogleType(): boolean {
    this.#env.counter.count('Blob.isGoogleType');
    return false;
  }
}

export interface UtilitiesApi {
  readonly DigestAlgorithm: typeof DigestAlgorithm;
  readonly Charset: typeof Charset;
  formatDate(date: Date, timeZone: string, format: string): string;
  sleep(milliseconds: number): void;
  getUuid(): string;
  computeDigest(algorithm: DigestAlgorithmName, value: string | number[], charset?: string): number[];
  base64Encode(data: string | number[], charset?: string): string;
  base64EncodeWebSafe(data: string | number[], charset?: string): string;
  base64Decode(encoded: string, charset?: string): number[];
  base64DecodeWebSafe(encoded: string, charset?: string): number[];
  newBlob(data: string | number[], contentType?: string, name?: string): Blob;
}

/** Utilities (https://developers.google.com/apps-script/reference/utilities/utilities). */
export function createUtilities(env: EmulatorEnv): UtilitiesApi {
  const count = (method: string): void => env.counter.count(`Utilities.${method}`);
  // Google's base64Decode accepts both alphabets and missing padding; Node's decoder does too.
  const decode = (encoded: string): number[] => toSignedBytes(Buffer.from(String(encoded), 'base64'));
  return {
    DigestAlgorithm,
    Charset,
    formatDate(date, timeZone, format) {
      count('formatDate');
      return formatDate(date, timeZone, String(format));
    },
    /** Returns at once: tests and the playground must not wait. "maximum allowed value is 300000". */
    sleep(milliseconds) {
      count('sleep');
      const ms = Number(milliseconds);
      if (!Number.isFinite(ms) || ms < 0 || ms > 300000) throw new Error('Invalid argument: milliseconds');
    },
    getUuid() {
      count('getUuid');
      return crypto.randomUUID();
    },
    computeDigest(algorithm, value, charset) {
      count('computeDigest');
      const name = NODE_DIGEST[algorithm];
      if (name === undefined) throw new Error(`Invalid argument: algorithm ${String(algorithm)}`);
      if (name === null) throw new Error(`Digest algorithm ${algorithm} is not emulated`);
      return toSignedBytes(crypto.createHash(name).update(toBuffer(value, charset)).digest());
    },
    base64Encode(data, charset) {
      count('base64Encode');
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data, charset) {
      count('base64EncodeWebSafe');
      return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded) {
      count('base64Decode');
      return decode(encoded);
    },
    base64DecodeWebSafe(encoded) {
      count('base64DecodeWebSafe');
      return decode(encoded);
    },
    newBlob(data, contentType, name) {
      count('newBlob');
      return new Blob(env, toBuffer(data), contentType ?? null, name ?? null);
    },
  };
}
