/** Stops the broker global-setup started (by its own PID); a broker given through KAFKA_BROKERS is left alone. */
export default async function globalTeardown(): Promise<void> {
  const kafka = (globalThis as { __hubKafka?: { stop(): Promise<void> } }).__hubKafka;
  await kafka?.stop();
}
