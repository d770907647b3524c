// The workload of a client app, shared by web and service clients: one user (default), a closed
// loop of N users who visit, think and visit again, or open-loop Poisson arrivals.

import { literal, number, object, tagged, type Infer } from '../schema/schema.ts';
import { distribution } from './serverSchemas.ts';

const closedWorkload = object(
  { kind: literal('closed'), users: number({ integer: true, min: 1, max: 10_000 }) },
  {
    thinkTime: distribution('Pause between a user\u2019s visits (default 0s).'),
    visits: number({
      integer: true,
      min: 1,
      max: 100_000_000,
      description: 'Visits per user (default: until the run ends).',
    }),
  },
  'Closed loop: N users, each visits, thinks, visits again.',
);

const openWorkload = object(
  {
    kind: literal('open'),
    rate: number({
      min: 0.000_001,
      max: 10_000_000,
      description: 'Visits per second (Poisson arrivals).',
    }),
  },
  {
    visits: number({
      integer: true,
      min: 1,
      max: 100_000_000,
      description: 'Stop after this many (default: until the run ends).',
    }),
  },
  'Open loop: visits arrive at random (Poisson) at a rate, whatever the server does.',
);

/** Who visits and when: one user (default), a closed loop of users, or open-loop arrivals. */
export const workloadSchema = tagged('kind', { closed: closedWorkload, open: openWorkload });

export type Workload = Infer<typeof workloadSchema>;
