/** Sending benchmarks (issue 4): filled in when the messaging routes exist. */
export async function benchSends(base: string, ministry: string): Promise<void> {
  const res = await fetch(`${base}/v1/openapi.json`);
  const paths = Object.keys(((await res.json()) as { paths: Record<string, unknown> }).paths);
  if (!paths.includes('/v1/agency/conversations')) {
    console.log('\nsends: the messaging routes are not built yet');
    return;
  }
  void ministry;
}
