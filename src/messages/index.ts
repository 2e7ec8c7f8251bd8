// The message protocol's public face: import from 'src/messages'.
// protocol.ts: what may be sent and what it answers; check.ts: the runtime
// check where a message arrives; sender.ts: who may send which message.

export * from './protocol';
export { articleKeyBatches, checkMessage, isReply, MESSAGE_LIMITS, parseMessage, type Parsed } from './check';
export { checkSender, type SenderInfo, type SenderRole, type SenderVerdict } from './sender';
