import type { EdgeProgramType, NodeProgramType, ProgramInfo } from 'sigma/rendering';

/** Past this many changed items since a buffer's last upload, the whole array is sent again. */
const FEW = 256;

/** What a sigma program class holds that this wrapper reads (public fields of sigma's Program). */
interface ProgramLike {
  array: Float32Array;
  STRIDE: number;
  normalProgram: ProgramInfo;
  pickProgram: ProgramInfo | null;
  process(...args: never[]): void;
  reallocate(capacity: number): void;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor must take any arguments
type ProgramClass = abstract new (...args: any[]) => ProgramLike;

interface Uploads {
  /** Buffers that have had the whole array at least once. */
  sent: Set<ProgramInfo>;
  /** Buffers whose next upload is the whole array. */
  whole: Set<ProgramInfo>;
  /** Per buffer, the items changed since its last upload. */
  items: Map<ProgramInfo, Set<number>>;
}

// Keyed by instance: sigma's Program constructor runs before a subclass's fields exist.
const uploads = new WeakMap<object, Uploads>();
function uploadsOf(program: object): Uploads {
  let u = uploads.get(program);
  if (!u) uploads.set(program, (u = { sent: new Set(), whole: new Set(), items: new Map() }));
  return u;
}

const buffersOf = (p: ProgramLike) => (p.pickProgram ? [p.normalProgram, p.pickProgram] : [p.normalProgram]);

/**
 * A sigma program that sends its vertex array to the GPU only when it changed. Sigma's Program
 * re-sends every array on every frame (bufferData in bindProgram), picking buffer included: at
 * 500k edges that is ~80 MB per frame, for a camera move that changed nothing or a hover that
 * changed twenty edges. Here an unchanged buffer is bound as it is, and a few changed items
 * (a hover's neighbourhood, refreshed through sigma's partialGraph) go by bufferSubData.
 */
export function uploadOnChange<T extends NodeProgramType | EdgeProgramType>(Program: T): T {
  // Sigma's program types keep these members off their public face: they are read through ProgramLike.
  const Base = Program as unknown as ProgramClass;
  const base = Base.prototype as unknown as { bindProgram(this: ProgramLike, info: ProgramInfo): void };
  abstract class UploadOnChange extends Base {
    override process(...args: never[]): void {
      super.process(...args);
      const offset = args[1] as unknown as number;
      const u = uploadsOf(this);
      for (const info of buffersOf(this)) {
        if (u.whole.has(info)) continue;
        const items = u.items.get(info) ?? new Set<number>();
        if (items.size >= FEW) {
          u.whole.add(info);
          u.items.delete(info);
        } else u.items.set(info, items.add(offset));
      }
    }

    override reallocate(capacity: number): void {
      const before = this.array;
      super.reallocate(capacity);
      if (this.array !== before) for (const info of buffersOf(this)) uploadsOf(this).whole.add(info);
    }

    // Sigma's bindProgram binds the buffer, points the attributes and sends the array; the
    // attributes must be pointed again on every bind (programs share the context), the array not.
    bindProgram(info: ProgramInfo): void {
      const u = uploadsOf(this);
      if (!u.sent.has(info) || u.whole.has(info)) {
        base.bindProgram.call(this, info);
        u.sent.add(info);
        u.whole.delete(info);
        u.items.delete(info);
        return;
      }
      const gl = info.gl;
      const own = gl as unknown as { bufferData?: unknown };
      own.bufferData = () => {};
      try {
        base.bindProgram.call(this, info);
      } finally {
        delete own.bufferData;
      }
      const items = u.items.get(info);
      if (!items?.size) return;
      gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer);
      for (const item of items) gl.bufferSubData(gl.ARRAY_BUFFER, item * this.STRIDE * 4, this.array.subarray(item * this.STRIDE, (item + 1) * this.STRIDE));
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      u.items.delete(info);
    }
  }
  return UploadOnChange as unknown as T;
}
