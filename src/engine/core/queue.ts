import type { SimTime } from './time';

/** Identifies one scheduled event; pass it to `cancel`. Encodes (sequence, slot). */
export type EventId = number;

const SLOT_BITS = 4194304; // 2^22 slots of pending events at most
const CANCELLED = { cancelled: true } as const;
type Cell<E> = E | typeof CANCELLED | undefined;

/** Plain-data copy of a queue, restorable bit for bit (slot numbers and ids stay valid). */
export interface QueueSnapshot<E> {
  size: number;
  heapTime: Float64Array;
  heapSlot: Int32Array;
  slotSeq: Float64Array;
  payloads: Cell<E>[];
  free: Int32Array;
  live: number;
}

/**
 * A binary min-heap keyed by (time, sequence). The heap itself is two parallel typed arrays
 * (time, slot); each slot holds the event's payload and its sequence number, which breaks ties so
 * that events scheduled for the same time pop in the order they were scheduled.
 * Cancellation is lazy: the payload is replaced by a marker and the slot is freed when its entry
 * surfaces (or when the heap is compacted).
 */
export class EventQueue<E> {
  private size = 0;
  private heapTime = new Float64Array(1024);
  private heapSlot = new Int32Array(1024);
  private slotSeq = new Float64Array(1024).fill(-1);
  private payloads: Cell<E>[] = [];
  private free = new Int32Array(1024);
  private freeCount = 0;
  private live = 0;
  /** Time of the event most recently returned by `pop`. */
  lastTime: SimTime = 0;

  /** Number of events still pending (cancelled ones excluded). */
  get pending(): number {
    return this.live;
  }

  /** Entries in the heap, cancelled ones not yet dropped included (tells whether a peek dropped any). */
  get heapSize(): number {
    return this.size;
  }

  /** The payload slots (pending events, cancelled markers, holes), read-only. */
  payloadList(): readonly unknown[] {
    return this.payloads;
  }

  /** Adds an event; `seq` must increase with every call. */
  push(time: SimTime, seq: number, payload: E): EventId {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount] as number;
      this.payloads[slot] = payload;
    } else {
      slot = this.payloads.length;
      if (slot >= SLOT_BITS) throw new Error('EventQueue: too many pending events');
      if (slot >= this.slotSeq.length) this.slotSeq = grow(this.slotSeq, -1);
      this.payloads.push(payload);
    }
    this.slotSeq[slot] = seq;
    this.live++;
    if (this.size === this.heapTime.length) this.growHeap();
    this.siftUp(this.size++, time, seq, slot);
    return seq * SLOT_BITS + slot;
  }

  /** Cancels a pending event. Returns false if it already ran or was cancelled. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_BITS;
    const seq = (id - slot) / SLOT_BITS;
    if (this.slotSeq[slot] !== seq || this.payloads[slot] === CANCELLED) return false;
    this.payloads[slot] = CANCELLED;
    this.live--;
    if (this.size > 4096 && this.size > 4 * this.live) this.compact();
    return true;
  }

  /** Time of the next live event, or Infinity when none is pending. */
  peekTime(): SimTime {
    this.dropCancelled();
    return this.size > 0 ? (this.heapTime[0] as number) : Infinity;
  }

  /**
   * Time at the top of the heap without skipping cancelled entries (Infinity when empty). Cheap;
   * used to place checkpoints, where an early answer is harmless.
   */
  topTime(): SimTime {
    return this.size > 0 ? (this.heapTime[0] as number) : Infinity;
  }

  /** Removes the next live event and returns its payload (undefined when empty). */
  pop(): E | undefined {
    while (this.size > 0) {
      const slot = this.heapSlot[0] as number;
      const payload = this.payloads[slot];
      this.lastTime = this.heapTime[0] as number;
      this.freeSlot(slot);
      this.removeTop();
      if (payload !== CANCELLED) {
        this.live--;
        return payload as E;
      }
    }
    return undefined;
  }

  /** Copies the queue into plain data (payloads are shared; treat them as immutable). */
  snapshot(): QueueSnapshot<E> {
    return {
      size: this.size,
      heapTime: this.heapTime.slice(0, this.size),
      heapSlot: this.heapSlot.slice(0, this.size),
      slotSeq: this.slotSeq.slice(0, this.payloads.length),
      payloads: this.payloads.slice(),
      free: this.free.slice(0, this.freeCount),
      live: this.live,
    };
  }

  /** Replaces the contents with a snapshot (the snapshot itself is not modified). */
  restore(s: QueueSnapshot<E>): void {
    const cap = Math.max(1024, s.size);
    this.size = s.size;
    this.heapTime = new Float64Array(cap);
    this.heapTime.set(s.heapTime);
    this.heapSlot = new Int32Array(cap);
    this.heapSlot.set(s.heapSlot);
    this.slotSeq = new Float64Array(Math.max(1024, s.slotSeq.length)).fill(-1);
    this.slotSeq.set(s.slotSeq);
    this.payloads = s.payloads.slice();
    this.free = new Int32Array(Math.max(1024, s.free.length));
    this.free.set(s.free);
    this.freeCount = s.free.length;
    this.live = s.live;
  }

  private freeSlot(slot: number): void {
    this.slotSeq[slot] = -1;
    this.payloads[slot] = undefined;
    if (this.freeCount === this.free.length) {
      const bigger = new Int32Array(this.free.length * 2);
      bigger.set(this.free);
      this.free = bigger;
    }
    this.free[this.freeCount++] = slot;
  }

  private dropCancelled(): void {
    while (this.size > 0) {
      const slot = this.heapSlot[0] as number;
      if (this.payloads[slot] !== CANCELLED) return;
      this.freeSlot(slot);
      this.removeTop();
    }
  }

  /**
   * Removes the root: the last entry sifts down from the top. The smaller child is chosen without
   * a branch on the (random, hence unpredictable) time comparison, as flatqueue does; equal times,
   * which are rare, fall back to the sequence numbers.
   */
  private removeTop(): void {
    const n = --this.size;
    if (n === 0) return;
    const ht = this.heapTime;
    const hl = this.heapSlot;
    const ss = this.slotSeq;
    const time = ht[n] as number;
    const slot = hl[n] as number;
    const half = n >> 1;
    let pos = 0;
    while (pos < half) {
      const left = 2 * pos + 1;
      const right = left + 1;
      const lt = ht[left] as number;
      const rt = ht[right] as number;
      let child = left + (+(right < n) & +(rt < lt));
      if (rt === lt && right < n) {
        child =
          (ss[hl[right] as number] as number) < (ss[hl[left] as number] as number) ? right : left;
      }
      const ct = ht[child] as number;
      if (time < ct || (time === ct && (ss[slot] as number) < (ss[hl[child] as number] as number)))
        break;
      ht[pos] = ct;
      hl[pos] = hl[child] as number;
      pos = child;
    }
    ht[pos] = time;
    hl[pos] = slot;
  }

  private siftUp(pos: number, time: number, seq: number, slot: number): void {
    const ht = this.heapTime;
    const hl = this.heapSlot;
    const ss = this.slotSeq;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = ht[parent] as number;
      if (pt < time || (pt === time && (ss[hl[parent] as number] as number) < seq)) break;
      ht[pos] = pt;
      hl[pos] = hl[parent] as number;
      pos = parent;
    }
    ht[pos] = time;
    hl[pos] = slot;
  }

  private growHeap(): void {
    this.heapTime = grow(this.heapTime, 0);
    const slots = new Int32Array(this.heapSlot.length * 2);
    slots.set(this.heapSlot);
    this.heapSlot = slots;
  }

  /** Rebuilds the heap without cancelled entries. */
  private compact(): void {
    const keep: [number, number][] = [];
    for (let i = 0; i < this.size; i++) {
      const slot = this.heapSlot[i] as number;
      if (this.payloads[slot] === CANCELLED) this.freeSlot(slot);
      else keep.push([this.heapTime[i] as number, slot]);
    }
    this.size = 0;
    for (const [time, slot] of keep) {
      this.siftUp(this.size++, time, this.slotSeq[slot] as number, slot);
    }
  }
}

function grow(a: Float64Array<ArrayBuffer>, fill: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2).fill(fill);
  b.set(a);
  return b;
}
