export default {
  async fetch(): Promise<Response> {
    return Response.json({ ok: true });
  },
};
export class FeedShard {}
export class AgencyObject {}
export class SeekerObject {}
export class Registry {}
export class Clock {}
