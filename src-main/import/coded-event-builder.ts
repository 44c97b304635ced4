/**
 * Event-log batches whose user, device and screen come out coded (records.ts CodedStrings), equal
 * to what the parse worker's BatchCoder makes of an EventBatchBuilder's batches. Rows come either
 * as bytes in the read buffer (the byte scanner, csv-bytes.ts) or as text (a row the CSV parser
 * read); both code through the same ByteStringCoder per column, in row order.
 */
import { NumberColumnsBuilder } from './batch-builders';
import { ByteStringCoder } from './byte-coder';
import type { CodedEventBatch, CodesKept } from './records';

export class CodedEventBatchBuilder {
  private readonly numbers = new NumberColumnsBuilder();
  private readonly users: ByteStringCoder;
  private readonly devices: ByteStringCoder;
  private readonly screens: ByteStringCoder;

  /** `kept`: the distinct strings each column's coder remembers (store/coded-batch.ts CODES_KEPT). */
  constructor(kept: CodesKept) {
    this.users = new ByteStringCoder(kept);
    this.devices = new ByteStringCoder(kept);
    this.screens = new ByteStringCoder(kept);
  }

  get count(): number {
    return this.numbers.count;
  }

  /** EventBatchBuilder's push: appends a row; returns true when the batch is full. */
  push(
    line: number,
    time: number,
    platform: number,
    event: number,
    action: number,
    user: string,
    device: string,
    screen: string,
  ): boolean {
    this.users.codeText(user);
    this.devices.codeText(device);
    this.screens.codeText(screen);
    return this.numbers.push(line, time, platform, event, action);
  }

  /**
   * The same row with user, device and screen given as `buf[start..end)` ranges of valid UTF-8,
   * trimmed, in `ranges` (user start, user end, device start, device end, screen start, screen end).
   */
  pushBytes(
    line: number,
    time: number,
    platform: number,
    event: number,
    action: number,
    buf: Uint8Array,
    ranges: Int32Array,
  ): boolean {
    this.users.code(buf, ranges[0]!, ranges[1]!);
    this.devices.code(buf, ranges[2]!, ranges[3]!);
    this.screens.code(buf, ranges[4]!, ranges[5]!);
    return this.numbers.push(line, time, platform, event, action);
  }

  take(): CodedEventBatch {
    const { count, line, time, platform, codeA, codeB } = this.numbers.take();
    // The keys in the order BatchCoder's `{ ...batch, coded, user, device, screen }` gives them.
    return {
      kind: 'event-log',
      count,
      line,
      time,
      platform,
      user: this.users.take(),
      device: this.devices.take(),
      screen: this.screens.take(),
      event: codeA,
      action: codeB,
      coded: true,
    };
  }
}
