// Scenario pieces for email: an SMTP server (its domains, their mailboxes, and the networks it
// relays for), a POP3 server over the same node's mailboxes, and a mail client that sends
// messages through its SMTP server and fetches its own by POP3 on a schedule.

import {
  array,
  boolean,
  duration,
  literal,
  object,
  string,
  type Infer,
} from '../../sim/schema/schema.ts';
import { prefix } from '../../sim/schema/networkSchemas.ts';
import { port, serverName } from '../../sim/scenario/commonSchemas.ts';

/** A mail domain: letters, digits and hyphens between dots (RFC 5321 section 4.1.2's Domain). */
const domain = (description: string) =>
  string({
    pattern:
      /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/,
    patternText: 'a domain name such as "b.example"',
    description,
  });

/** A mailbox's local part: the `bob` of bob@b.example (a dot-atom, RFC 5321 section 4.1.2). */
const localPart = string({
  pattern: /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/,
  patternText: 'a mailbox name such as "bob"',
  maxLength: 64,
  description: 'The mailbox name: the part before the @.',
});

/** A mail address such as bob@b.example. */
export const mailAddress = (description: string) =>
  string({
    pattern:
      /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/,
    patternText: 'a mail address such as "bob@b.example"',
    maxLength: 254,
    description,
  });

const mailbox = object(
  { user: localPart },
  { password: string({ maxLength: 128, description: 'Its POP3 password (default "secret").' }) },
  'A mailbox at each of the server’s domains.',
);

export const smtpServerApp = object(
  {
    type: literal('smtpServer'),
    domains: array(domain('A domain the server takes mail for, e.g. "b.example".'), {
      minItems: 1,
      maxItems: 20,
    }),
  },
  {
    port: port('TCP port (default 25).'),
    hostname: domain(
      'Its own name in its greeting and Received fields (default "mail." and its first domain).',
    ),
    mailboxes: array(mailbox, { maxItems: 1000 }),
    relayFrom: array(prefix(), { maxItems: 20 }),
  },
  'An SMTP server (RFC 5321): takes mail for its domains into their mailboxes, refuses other domains, but relays mail from the networks in relayFrom to the domain’s MX (its node needs a dns setting).',
);

export const pop3ServerApp = object(
  { type: literal('pop3Server') },
  { port: port('TCP port (default 110).') },
  'A POP3 server (RFC 1939): lets the owners of the node’s SMTP server mailboxes fetch and delete their mail.',
);

const outgoing = object(
  {
    to: mailAddress('The recipient, e.g. "bob@b.example".'),
    subject: string({
      maxLength: 200,
      pattern: /^[^\r\n]*$/,
      patternText: 'one line of text',
      description: 'The Subject line.',
    }),
  },
  {
    at: duration({ description: 'When it is sent (default 0s).' }),
    body: string({ maxLength: 100_000, description: 'The text of the message.' }),
  },
  'A message the client sends.',
);

const fetchSchedule = object(
  {},
  {
    start: duration({ description: 'The first fetch (default 1s).' }),
    every: duration({ min: 1, description: 'Fetch again after this long (default: once).' }),
    keep: boolean('Leave fetched messages on the server (default false: DELE after RETR).'),
  },
  'When the client fetches its mail by POP3.',
);

export const mailClientApp = object(
  { type: literal('mailClient'), address: mailAddress('Its own address, e.g. "alice@a.example".') },
  {
    password: string({ maxLength: 128, description: 'Its POP3 password (default "secret").' }),
    smtp: serverName,
    smtpPort: port('Its SMTP server’s port (default 25).'),
    pop3: serverName,
    pop3Port: port('Its POP3 server’s port (default 110).'),
    send: array(outgoing, { maxItems: 100 }),
    fetch: fetchSchedule,
  },
  'A mail client: sends its messages through its SMTP server and fetches its mail from its POP3 server.',
);

export type SmtpServerApp = Infer<typeof smtpServerApp>;
export type Pop3ServerApp = Infer<typeof pop3ServerApp>;
export type MailClientApp = Infer<typeof mailClientApp>;

/** The most recipients a message may have here (Postfix's smtpd_recipient_limit is 1000). */
export const MAX_RECIPIENTS = 100;
/** The mailbox password when a scenario gives none. */
export const DEFAULT_PASSWORD = 'secret';
