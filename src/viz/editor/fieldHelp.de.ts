// The scenario fields' help texts in German, keyed by the English description the schema gives
// (scenarioSchema.ts and the kinds' schemas); fieldHelp.ts says them. The test checks that every
// description of the schema has its German here, and nothing else.

export const FIELD_HELP_DE: { readonly [english: string]: string } = {
  'A Handshake scenario: the network, its applications and how long to run.':
    'Ein Handshake-Szenario: das Netz, seine Anwendungen und wie lange es läuft.',
  'The JSON Schema of this document, for editors; ignored by Handshake. Files in the repository name ../public/scenario.schema.json.':
    'Das JSON Schema dieses Dokuments, für Editoren; Handshake beachtet es nicht. Dateien im Repository nennen ../public/scenario.schema.json.',
  'a node id: a letter, then up to 63 letters, digits, "_" or "-"':
    'eine Knoten-ID: ein Buchstabe, dann bis zu 63 Buchstaben, Ziffern, "_" oder "-"',
  'What the node is; sets its icon and defaults.':
    'Was der Knoten ist; bestimmt sein Symbol und seine Standardwerte.',
  'A name shown instead of the id.': 'Ein Name, der statt der ID gezeigt wird.',
  'A network interface. Hosts and routers need an address (or "dhcp"); switch ports have none.':
    'Eine Netzwerkschnittstelle. Hosts und Router brauchen eine Adresse (oder „dhcp“); Switch-Ports haben keine.',
  'an interface name: a letter, then up to 63 letters, digits, "_" or "-"':
    'ein Schnittstellenname: ein Buchstabe, dann bis zu 63 Buchstaben, Ziffern, "_" oder "-"',
  'The interface address and its prefix length, like 10.0.0.2/24; or "dhcp": a DHCP server gives it.':
    'Die Adresse der Schnittstelle und ihre Präfixlänge, etwa 10.0.0.2/24; oder „dhcp“: Ein DHCP-Server vergibt sie.',
  "The MAC address of an addressed interface, such as 02:00:00:00:00:01: six pairs of hex digits, unicast (the first octet even). Left out, one is made from the node's and the interface's names (02:00:…), the same in every run.":
    'Die MAC-Adresse einer Schnittstelle mit Adresse, wie 02:00:00:00:00:01: sechs Paare von Hex-Ziffern, Unicast (das erste Oktett gerade). Fehlt sie, wird eine aus den Namen des Knotens und der Schnittstelle gebildet (02:00:…), in jedem Lauf dieselbe.',
  'Largest IP packet the interface sends, in bytes (default 1500, Ethernet; at least 68, RFC 791). A bigger one is cut into fragments, or dropped with ICMP "fragmentation needed" when Don\'t Fragment is set.':
    "Größtes IP-Paket, das die Schnittstelle sendet, in Bytes (Standard 1500, Ethernet; mindestens 68, RFC 791). Ein größeres wird in Fragmente zerteilt oder, wenn Don't Fragment gesetzt ist, mit ICMP „Fragmentation Needed“ verworfen.",
  'Default router, on a subnet of this node.': 'Standard-Router, in einem Subnetz dieses Knotens.',
  'Switches: run RSTP (default true).': 'Switches: RSTP ausführen (Standard true).',
  'Switches: RSTP priority, a multiple of 4096 (default 32768).':
    'Switches: RSTP-Priorität, ein Vielfaches von 4096 (Standard 32768).',
  'A static route: packets for `to` go to the router `via`.':
    'Eine statische Route: Pakete für `to` gehen an den Router `via`.',
  'The next router, on a subnet of this node.':
    'Der nächste Router, in einem Subnetz dieses Knotens.',
  'Loss recovery: "newreno" (default, RFC 6582) or "reno" (RFC 5681, for comparison).':
    'Verlustbehandlung: "newreno" (Standard, RFC 6582) oder "reno" (RFC 5681, zum Vergleich).',
  'Maximum segment size in bytes (default 1460); the SYN announces no more than the interface MTU less 40.':
    'Maximale Segmentgröße in Bytes (Standard 1460); das SYN kündigt höchstens die MTU der Schnittstelle minus 40 an.',
  'Receive buffer, advertised as the window (default 65535 bytes); at least the MSS, at most 65535 bytes without windowScaling (the window field is 16 bits) and 65535 x 2^14 with it.':
    'Empfangspuffer, als Fenster angekündigt (Standard 65535 Bytes); mindestens die MSS, höchstens 65535 Bytes ohne windowScaling (das Fensterfeld ist 16 Bit breit) und 65535 x 2^14 mit.',
  'Send buffer (default 256KiB); at least the MSS.':
    'Sendepuffer (Standard 256KiB); mindestens die MSS.',
  'RTO before any RTT sample (default 1s, RFC 6298), from minRto to maxRto.':
    'RTO vor der ersten RTT-Messung (Standard 1s, RFC 6298), zwischen minRto und maxRto.',
  'Lowest RTO (default 1s as RFC 6298 says; Linux uses 200ms).':
    'Kleinstes RTO (Standard 1s, wie RFC 6298 sagt; Linux nimmt 200ms).',
  'Highest RTO after backoff (default 60s; RFC 6298 2.5: at least 60s).':
    'Größtes RTO nach dem Backoff (Standard 60s; RFC 6298 2.5: mindestens 60s).',
  'Maximum segment lifetime; TIME-WAIT lasts 2 MSL (default 30s).':
    'Maximale Lebensdauer eines Segments; TIME-WAIT dauert 2 MSL (Standard 30s).',
  'SYN retransmissions before ETIMEDOUT (default 6).':
    'SYN-Wiederholungen vor ETIMEDOUT (Standard 6).',
  'Data retransmissions before ETIMEDOUT (default 15).':
    'Datenwiederholungen vor ETIMEDOUT (Standard 15).',
  'SYN-ACK retransmissions before a half-open connection (SYN-RECEIVED) is given up (default 5, as Linux tcp_synack_retries: it lives 1+2+4+8+16+32 = 63s).':
    'SYN-ACK-Wiederholungen, bevor eine halboffene Verbindung (SYN-RECEIVED) aufgegeben wird (Standard 5, wie Linux tcp_synack_retries: Sie lebt 1+2+4+8+16+32 = 63s).',
  "The most half-open connections (SYN-RECEIVED) one listener holds, its SYN queue; a SYN beyond is dropped, or answered with a SYN cookie (default 4096; Linux's tcp_max_syn_backlog is 128 or more by the memory, and the listen backlog bounds the queue too).":
    'Die meisten halboffenen Verbindungen (SYN-RECEIVED), die ein lauschender Socket hält, seine SYN-Warteschlange; ein SYN darüber hinaus wird verworfen oder mit einem SYN-Cookie beantwortet (Standard 4096; bei Linux ist tcp_max_syn_backlog je nach Speicher 128 oder mehr, und auch der Backlog von listen begrenzt die Warteschlange).',
  'SYN cookies (RFC 4987 3.6, Linux tcp_syncookies): while a listener is full, answer a SYN with a SYN-ACK whose sequence number encodes the connection, and keep nothing; window scaling, SACK and timestamps are lost for it (default false).':
    'SYN-Cookies (RFC 4987 3.6, Linux tcp_syncookies): Solange ein lauschender Socket voll ist, ein SYN mit einem SYN-ACK beantworten, dessen Sequenznummer die Verbindung kodiert, und nichts speichern; Fensterskalierung, SACK und Zeitstempel gehen dabei verloren (Standard false).',
  'Delayed ACKs (RFC 5681 4.2): acknowledge every second segment, or when delayedAckTimeout runs out (default false).':
    'Verzögerte ACKs (RFC 5681 4.2): jedes zweite Segment bestätigen, oder wenn delayedAckTimeout abläuft (Standard false).',
  'The delayed-ACK timer, under 500ms as RFC 5681 requires (default 200ms).':
    'Der Timer für verzögerte ACKs, unter 500ms, wie RFC 5681 verlangt (Standard 200ms).',
  'Offer the window scale option (RFC 7323) so that windows can exceed 65535 bytes (default false).':
    'Die Window-Scale-Option anbieten (RFC 7323), damit Fenster größer als 65535 Bytes sein können (Standard false).',
  'Offer TCP timestamps (RFC 7323): TSval and TSecr on every segment, RTT from TSecr (default false).':
    'TCP-Timestamps anbieten (RFC 7323): TSval und TSecr in jedem Segment, RTT aus TSecr (Standard false).',
  'Offer selective acknowledgments (RFC 2018): the receiver reports the blocks it holds beyond a hole, the sender recovers with them (RFC 6675) (default false).':
    'Selektive Bestätigungen anbieten (RFC 2018): Der Empfänger meldet die Blöcke, die er hinter einer Lücke hat, der Sender stellt damit wieder her (RFC 6675) (Standard false).',
  'The node CPU that runs its servers’ work.':
    'Die CPU des Knotens, die die Arbeit seiner Server erledigt.',
  'Cores (default 1).': 'Kerne (Standard 1).',
  'Scheduling policy (default "fcfs").': 'Scheduling-Verfahren (Standard "fcfs").',
  'Round-robin time slice (default 10ms).': 'Zeitscheibe für Round-Robin (Standard 10ms).',
  'Time to switch a core to another job (default 0s).':
    'Zeit, um einen Kern auf einen anderen Job umzuschalten (Standard 0s).',
  'The node’s stub resolver: host names of its apps are looked up at this server and cached.':
    'Der Stub-Resolver des Knotens: Hostnamen seiner Anwendungen werden bei diesem Server nachgeschlagen und zwischengespeichert.',
  'The DNS server, by node id (its first address) or IPv4 address.':
    'Der DNS-Server, als Knoten-ID (seine erste Adresse) oder IPv4-Adresse.',
  'Wait for a response before asking again (default 5s).':
    'Wie lange auf eine Antwort gewartet wird, bevor erneut gefragt wird (Standard 5s).',
  'Queries sent again after a timeout (default 1).':
    'Wie oft eine Anfrage nach einem Timeout erneut gesendet wird (Standard 1).',
  // A node's NAT (src/kinds/nat/natSchemas.ts).
  'Network address translation on this node (usually a router): masquerade and port forwards, as iptables’ nat table.':
    'Netzwerkadressübersetzung auf diesem Knoten (meist einem Router): Masquerade und Portweiterleitungen, wie die nat-Tabelle von iptables.',
  'Masquerade (source NAT): packets from `source` (default: any) leaving by `out` get the address of `out` and a free port.':
    'Masquerade (Quell-NAT): Pakete von `source` (Standard: jede Adresse), die über `out` hinausgehen, bekommen die Adresse von `out` und einen freien Port.',
  'The public interface: packets leaving by it get its address (-o).':
    'Die öffentliche Schnittstelle: Pakete, die über sie hinausgehen, bekommen ihre Adresse (-o).',
  'Public ports to use (--to-ports); without it the source port is kept when free, as Linux does.':
    'Öffentliche Ports, die verwendet werden (--to-ports); ohne diese Angabe bleibt der Quellport, wenn er frei ist, wie bei Linux.',
  'A port forward (destination NAT): packets to the public address and port go on to the inside server.':
    'Eine Portweiterleitung (Ziel-NAT): Pakete an die öffentliche Adresse und den Port gehen weiter an den Server im Inneren.',
  'The public interface the packets arrive on (-i).':
    'Die öffentliche Schnittstelle, an der die Pakete ankommen (-i).',
  'The transport protocol (-p).': 'Das Transportprotokoll (-p).',
  'The public port or ports (--dport), on the address of `in`.':
    'Der öffentliche Port oder die Ports (--dport), auf der Adresse von `in`.',
  'The inside server: "192.168.1.10:80", or "192.168.1.10" to keep the port the packet was sent to.':
    'Der Server im Inneren: "192.168.1.10:80", oder "192.168.1.10", um den Port zu behalten, an den das Paket ging.',
  'How long a mapping lasts without packets, as Linux conntrack’s timeouts.':
    'Wie lange eine Zuordnung ohne Pakete bestehen bleibt, wie die Timeouts von Linux conntrack.',
  'An idle TCP connection’s mapping lasts this long (default 5 days).':
    'So lange bleibt die Zuordnung einer ruhenden TCP-Verbindung bestehen (Standard 5 Tage).',
  'A TCP mapping with no answer yet lasts this long (default 2m).':
    'So lange bleibt eine TCP-Zuordnung ohne Antwort bestehen (Standard 2m).',
  'A UDP mapping with no answer yet, or after one answer (default 30s).':
    'Eine UDP-Zuordnung ohne Antwort oder nach einer Antwort (Standard 30s).',
  'A UDP mapping that saw traffic both ways (default 2m).':
    'Eine UDP-Zuordnung mit Verkehr in beide Richtungen (Standard 2m).',
  'An ICMP echo mapping (default 30s).': 'Eine Zuordnung für ICMP-Echo (Standard 30s).',
  'Sends a UDP request, waits for the reply, retries on timeout (stop-and-wait).':
    'Sendet eine UDP-Anfrage, wartet auf die Antwort, wiederholt nach einem Timeout (Stop-and-Wait).',
  'The node to talk to, by id (its first interface address) or by IPv4 address.':
    'Der Knoten, mit dem gesprochen wird, als ID (die Adresse seiner ersten Schnittstelle) oder als IPv4-Adresse.',
  'UDP port of the echo server (default 7).': 'UDP-Port des Echo-Servers (Standard 7).',
  'Requests to send (default 4).': 'Zu sendende Anfragen (Standard 4).',
  'Pause after a reply (or giving up) before the next request (default 1s).':
    'Pause nach einer Antwort (oder nach dem Aufgeben) vor der nächsten Anfrage (Standard 1s).',
  'How long to wait for a reply before retrying (default 1s).':
    'Wie lange auf eine Antwort gewartet wird, bevor wiederholt wird (Standard 1s).',
  'Retries per request (default 2).': 'Wiederholungen pro Anfrage (Standard 2).',
  'When the first request is sent (default 0s).':
    'Wann die erste Anfrage gesendet wird (Standard 0s).',
  'Request payload in bytes (default 56).': 'Nutzdaten der Anfrage in Bytes (Standard 56).',
  'Send requests with Don\'t Fragment set, as `ping -M do` (default false): one too big for a link on the way is dropped there and the router answers ICMP "fragmentation needed"; once the path MTU is known, sending one that big fails at once with EMSGSIZE.':
    "Anfragen mit gesetztem Don't Fragment senden, wie `ping -M do` (Standard false): Eine für eine Leitung unterwegs zu große wird dort verworfen, und der Router antwortet mit ICMP „Fragmentation Needed“; sobald die Pfad-MTU bekannt ist, schlägt das Senden einer so großen sofort mit EMSGSIZE fehl.",
  'Answers each UDP request with a reply of the same size, one request at a time.':
    'Beantwortet jede UDP-Anfrage mit einer gleich großen Antwort, eine Anfrage nach der anderen.',
  'UDP port to listen on (default 7).': 'UDP-Port, auf dem gelauscht wird (Standard 7).',
  'Time to prepare each reply (default 0s).': 'Zeit, um jede Antwort vorzubereiten (Standard 0s).',
  'Connects over TCP, sends the bytes, then closes the connection.':
    'Verbindet sich über TCP, sendet die Bytes und schließt dann die Verbindung.',
  'How much data to send.': 'Wie viele Daten gesendet werden.',
  'TCP port of the sink (default 5001).': 'TCP-Port der Senke (Standard 5001).',
  'When to connect (default 0s).': 'Wann die Verbindung aufgebaut wird (Standard 0s).',
  'Listens on a TCP port, accepts connections and reads all their data.':
    'Lauscht auf einem TCP-Port, nimmt Verbindungen an und liest alle ihre Daten.',
  'TCP port to listen on (default 5001).': 'TCP-Port, auf dem gelauscht wird (Standard 5001).',
  'Accept queue length (default 128).': 'Länge der Accept-Warteschlange (Standard 128).',
  'A web server: a static site, a small API, optional accounts; each request costs CPU time on the node.':
    'Ein Webserver: eine statische Website, eine kleine API, auf Wunsch Konten; jede Anfrage kostet CPU-Zeit auf dem Knoten.',
  'Names the server in the trace (default "web").': 'Benennt den Server im Trace (Standard "web").',
  'TCP port (default 80).': 'TCP-Port (Standard 80).',
  'A page or object of the site; pages reference objects a browser fetches next.':
    'Eine Seite oder ein Objekt der Website; Seiten verweisen auf Objekte, die ein Browser danach abruft.',
  'Where the resource is served.': 'Wo die Ressource ausgeliefert wird.',
  'Body size in bytes.': 'Größe des Bodys in Bytes.',
  'Media type (default from the extension).': 'Medientyp (Standard: nach der Dateiendung).',
  'The exact body, as text.': 'Der genaue Body, als Text.',
  'An object the page references.': 'Ein Objekt, auf das die Seite verweist.',
  'Password login with a session cookie; protected paths answer 401 without it, 403 without the role.':
    'Anmeldung mit Passwort und Session-Cookie; geschützte Pfade antworten ohne sie mit 401, ohne die Rolle mit 403.',
  'A protected path prefix.': 'Ein geschütztes Pfadpräfix.',
  'Wrong passwords before the account locks (default 3).':
    'Falsche Passwörter, bevor das Konto gesperrt wird (Standard 3).',
  'The server’s concurrency model.': 'Das Nebenläufigkeitsmodell des Servers.',
  'single: one connection at a time; threadPerConnection: a thread each; workerPool: fixed workers; eventLoop: one thread, non-blocking I/O.':
    'single: eine Verbindung nach der anderen; threadPerConnection: ein Thread pro Verbindung; workerPool: feste Worker; eventLoop: ein Thread, nicht blockierende Ein-/Ausgabe.',
  'Threads (threadPerConnection), workers (workerPool) or open connections (eventLoop); default 64 threads, 4 workers, 10000 connections; unused by "single".':
    'Threads (threadPerConnection), Worker (workerPool) oder offene Verbindungen (eventLoop); Standard 64 Threads, 4 Worker, 10000 Verbindungen; von "single" nicht genutzt.',
  'At the limit: leave new connections waiting, or answer 503 (default queue; "single" always leaves them waiting).':
    'An der Grenze: neue Verbindungen warten lassen oder mit 503 antworten (Standard queue; "single" lässt sie immer warten).',
  'workerPool: connections that may wait for a worker (default 128).':
    'workerPool: Verbindungen, die auf einen Worker warten dürfen (Standard 128).',
  'Work per request.': 'Arbeit pro Anfrage.',
  'CPU time per request.': 'CPU-Zeit pro Anfrage.',
  'A duration: a number and a unit (ns, us, ms, s, m, h).':
    'Eine Dauer: eine Zahl und eine Einheit (ns, us, ms, s, m, h).',
  'I/O wait per request after its CPU time (a disk or a database).':
    'Wartezeit auf Ein-/Ausgabe pro Anfrage nach ihrer CPU-Zeit (eine Festplatte oder eine Datenbank).',
  'Idle persistent connections close after this (default 5s).':
    'Untätige persistente Verbindungen werden danach geschlossen (Standard 5s).',
  'Scheduling priority of its threads (lower first).':
    'Scheduling-Priorität seiner Threads (niedrigere zuerst).',
  'Serve HTTPS (TLS 1.3-shaped) with this certificate; port 443 by default.':
    'HTTPS (nach dem Muster von TLS 1.3) mit diesem Zertifikat ausliefern; standardmäßig auf Port 443.',
  'The server certificate: subject and alternative names, issuer, validity (simulated time).':
    'Das Serverzertifikat: Subjekt und alternative Namen, Aussteller, Gültigkeit (simulierte Zeit).',
  'The name the certificate is for.': 'Der Name, für den das Zertifikat gilt.',
  'Certificate authority (default "Handshake Root CA").':
    'Zertifizierungsstelle (Standard "Handshake Root CA").',
  'Valid from this time of the run (default 0s).':
    'Gültig ab diesem Zeitpunkt des Laufs (Standard 0s).',
  'Expires at this time of the run (default: never).':
    'Läuft zu diesem Zeitpunkt des Laufs ab (Standard: nie).',
  'A web client: each visit loads `page` (default /index.html) or sends `requests` in order.':
    'Ein Webclient: Jeder Besuch lädt `page` (Standard /index.html) oder sendet `requests` der Reihe nach.',
  'Who to talk to: a node id, an IPv4 address, or a name the node resolves with DNS.':
    'Mit wem gesprochen wird: eine Knoten-ID, eine IPv4-Adresse oder ein Name, den der Knoten per DNS auflöst.',
  'Server port (default 80, or 443 with https).': 'Server-Port (Standard 80, oder 443 mit https).',
  'Use TLS and check the server certificate (default false).':
    'TLS verwenden und das Serverzertifikat prüfen (Standard false).',
  'A certificate authority the client trusts (default ["Handshake Root CA"]).':
    'Eine Zertifizierungsstelle, der der Client vertraut (Standard ["Handshake Root CA"]).',
  'Keep connections open (HTTP/1.1 default: true).':
    'Verbindungen offen halten (Standard bei HTTP/1.1: true).',
  'Send requests without waiting for responses (default false).':
    'Anfragen senden, ohne auf Antworten zu warten (Standard false).',
  'Connections at once (default 1).': 'Gleichzeitige Verbindungen (Standard 1).',
  'A page to load with every object it references.':
    'Eine Seite, die mit allen Objekten geladen wird, auf die sie verweist.',
  'The request-target.': 'Das Request-Target.',
  'Default GET.': 'Standard GET.',
  'Body text (a form by default).': 'Text des Bodys (standardmäßig ein Formular).',
  'Content-Type of the body.': 'Content-Type des Bodys.',
  'Not before this time of the run.': 'Nicht vor diesem Zeitpunkt des Laufs.',
  'Closed loop: N users, each visits, thinks, visits again.':
    'Geschlossene Schleife: N Nutzer, jeder besucht, denkt nach, besucht wieder.',
  'Pause between a user’s visits (default 0s).':
    'Pause zwischen den Besuchen eines Nutzers (Standard 0s).',
  'Visits per user (default: until the run ends).':
    'Besuche pro Nutzer (Standard: bis der Lauf endet).',
  'Open loop: visits arrive at random (Poisson) at a rate, whatever the server does.':
    'Offene Schleife: Besuche kommen zufällig (Poisson) mit einer Rate an, egal was der Server tut.',
  'Visits per second (Poisson arrivals).': 'Besuche pro Sekunde (Poisson-Ankünfte).',
  'Stop after this many (default: until the run ends).':
    'Nach so vielen aufhören (Standard: bis der Lauf endet).',
  'When the first visit starts (default 0s).': 'Wann der erste Besuch beginnt (Standard 0s).',
  'A request/response service such as a database: every query costs the configured service time.':
    'Ein Anfrage-Antwort-Dienst wie eine Datenbank: Jede Abfrage kostet die eingestellte Bedienzeit.',
  'Names the service in the trace (default "db").': 'Benennt den Dienst im Trace (Standard "db").',
  'TCP port (default 7000).': 'TCP-Port (Standard 7000).',
  'Bytes in each reply (default 200).': 'Bytes in jeder Antwort (Standard 200).',
  'Idle connections close after this (default 30s).':
    'Untätige Verbindungen werden danach geschlossen (Standard 30s).',
  'Scheduling priority of its threads.': 'Scheduling-Priorität seiner Threads.',
  'A client of a request/response service: each visit sends its queries in order (default "SELECT 1").':
    'Ein Client eines Anfrage-Antwort-Dienstes: Jeder Besuch sendet seine Abfragen der Reihe nach (Standard "SELECT 1").',
  'Service port (default 7000).': 'Dienst-Port (Standard 7000).',
  'A query: a verb and its arguments, on one line.':
    'Eine Abfrage: ein Verb und seine Argumente, in einer Zeile.',
  'An authoritative DNS server: answers A and MX queries from its records, NXDOMAIN for names it lacks.':
    'Ein autoritativer DNS-Server: beantwortet A- und MX-Anfragen aus seinen Einträgen, NXDOMAIN für Namen, die er nicht hat.',
  'UDP port (default 53).': 'UDP-Port (Standard 53).',
  'The zone: names at or under it are answered, others REFUSED (default: every name).':
    'Die Zone: Namen in ihr oder darunter werden beantwortet, andere mit REFUSED (Standard: jeder Name).',
  'An address record: name -> IPv4 address.': 'Ein Adresseintrag: Name -> IPv4-Adresse.',
  'The owner name.': 'Der Name des Eintrags.',
  'The IPv4 address.': 'Die IPv4-Adresse.',
  'Seconds a resolver may cache the record (default 300).':
    'Sekunden, die ein Resolver den Eintrag zwischenspeichern darf (Standard 300).',
  'An alias: the name stands for `target`, which is looked up in turn.':
    'Ein Alias: Der Name steht für `target`, das dann seinerseits nachgeschlagen wird.',
  'The alias.': 'Der Alias.',
  'The canonical name it stands for.': 'Der kanonische Name, für den er steht.',
  'A mail exchanger: mail for `name` goes to the server `exchange` (RFC 1035 3.3.9, RFC 5321 5.1).':
    'Ein Mail-Exchanger: Post für `name` geht an den Server `exchange` (RFC 1035 3.3.9, RFC 5321 5.1).',
  'The mail domain, e.g. "b.example".': 'Die Mail-Domain, z. B. "b.example".',
  'The mail server that takes the domain\u2019s mail, e.g. "mx.b.example".':
    'Der Mailserver, der die Post der Domain annimmt, z. B. "mx.b.example".',
  'Lower is tried first (default 10).': 'Der niedrigere wird zuerst versucht (Standard 10).',
  'Time to prepare each response (default 0s).':
    'Zeit, um jede Antwort vorzubereiten (Standard 0s).',
  'An FTP server (RFC 959): login, PWD, CWD, TYPE, PASV, LIST, RETR, STOR, QUIT.':
    'Ein FTP-Server (RFC 959): Anmeldung, PWD, CWD, TYPE, PASV, LIST, RETR, STOR, QUIT.',
  'Control port (default 21).': 'Steuerport (Standard 21).',
  'A file.': 'Eine Datei.',
  'Path, e.g. "notes.txt" or "pub/readme.txt".': 'Pfad, z. B. "notes.txt" oder "pub/readme.txt".',
  'Size in bytes (filler text).': 'Größe in Bytes (Fülltext).',
  'The exact contents.': 'Der genaue Inhalt.',
  'An FTP client: connects, logs in, runs its script, then QUIT.':
    'Ein FTP-Client: verbindet sich, meldet sich an, führt sein Skript aus, dann QUIT.',
  'Server control port (default 21).': 'Steuerport des Servers (Standard 21).',
  'Login name (default "anonymous").': 'Anmeldename (Standard "anonymous").',
  'Password (default "guest").': 'Passwort (Standard "guest").',
  'One command of the script.': 'Ein Befehl des Skripts.',
  'The command.': 'Der Befehl.',
  'The file of RETR/STOR, the directory of LIST/CWD.':
    'Die Datei bei RETR/STOR, das Verzeichnis bei LIST/CWD.',
  'an argument without line breaks': 'ein Argument ohne Zeilenumbrüche',
  "Where the node's card is centred in the picture (the canvas editor writes it); without it the picture places the node itself.":
    'Wo die Karte des Knotens im Bild zentriert ist (der Canvas-Editor schreibt es); ohne diese Angabe platziert das Bild den Knoten selbst.',
  'Left to right.': 'Von links nach rechts.',
  'Top to bottom.': 'Von oben nach unten.',
  'a link id: a letter, then up to 63 letters, digits, "_" or "-"':
    'eine Leitungs-ID: ein Buchstabe, dann bis zu 63 Buchstaben, Ziffern, "_" oder "-"',
  'an interface as "node:interface", or a node id when the node has one interface':
    'eine Schnittstelle als "Knoten:Schnittstelle", oder eine Knoten-ID, wenn der Knoten nur eine Schnittstelle hat',
  'One-way propagation delay.': 'Ausbreitungsverzögerung in eine Richtung.',
  'Transmission rate in each direction (default 100Mbps).':
    'Übertragungsrate je Richtung (Standard 100Mbps).',
  'Probability that a packet is lost (0 to <1).':
    'Wahrscheinlichkeit, dass ein Paket verloren geht (0 bis <1).',
  'Probability of going Good -> Bad after a packet.':
    'Wahrscheinlichkeit, nach einem Paket vom guten in den schlechten Zustand zu wechseln.',
  'Probability of going Bad -> Good after a packet.':
    'Wahrscheinlichkeit, nach einem Paket vom schlechten in den guten Zustand zu wechseln.',
  'Probability that a packet is lost in the Good state (default 0).':
    'Wahrscheinlichkeit, dass ein Paket im guten Zustand verloren geht (Standard 0).',
  'Probability that a packet is lost in the Bad state (default 1).':
    'Wahrscheinlichkeit, dass ein Paket im schlechten Zustand verloren geht (Standard 1).',
  'Losses in bursts (the Gilbert–Elliott model): each direction moves between a Good and a Bad state, packet by packet. Instead of loss.':
    'Verluste in Schüben (das Gilbert-Elliott-Modell): jede Richtung wechselt Paket für Paket zwischen einem guten und einem schlechten Zustand. Statt loss.',
  'Up to this much more delay for each packet, drawn evenly; packets keep their order.':
    'Bis zu so viel zusätzliche Verzögerung je Paket, gleichverteilt; die Reihenfolge bleibt.',
  'Probability that a packet is damaged on the way: one bit flipped. The checksums catch it and the packet is dropped (0 to <1).':
    'Wahrscheinlichkeit, dass ein Paket unterwegs beschädigt wird: ein Bit kippt. Die Prüfsummen bemerken es, und das Paket wird verworfen (0 bis <1).',
  'Probability that a packet is delivered twice.':
    'Wahrscheinlichkeit, dass ein Paket doppelt zugestellt wird.',
  'Some packets are held back so that later ones overtake them.':
    'Manche Pakete werden zurückgehalten, sodass spätere sie überholen.',
  'Extra delay of a reordered packet.': 'Zusätzliche Verzögerung eines umsortierten Pakets.',
  'A drop-tail queue at each end of the link (default 100 packets).':
    'Eine Drop-Tail-Warteschlange an jedem Ende der Leitung (Standard 100 Pakete).',
  'Most packets waiting per direction.': 'Höchstens so viele wartende Pakete je Richtung.',
  'Most bytes waiting per direction.': 'Höchstens so viele wartende Bytes je Richtung.',
  'Seed of every random stream (default 1).': 'Seed aller Zufallsfolgen (Standard 1).',
  'Simulated time to run for (default 60s).': 'Simulierte Laufzeit (Standard 60s).',
  'Takes a link down at a given time.':
    'Nimmt eine Leitung zu einem bestimmten Zeitpunkt außer Betrieb.',
  'When, from the start of the run.': 'Wann, ab dem Start des Laufs.',
  'Changes a link’s bandwidth, latency or loss at a given time (at least one of them). Packets already on their way keep their timing.':
    'Ändert Bandbreite, Latenz oder Verlust einer Leitung zu einem bestimmten Zeitpunkt (mindestens eines davon). Pakete, die schon unterwegs sind, behalten ihr Timing.',
  'The new transmission rate in each direction.': 'Die neue Übertragungsrate in jede Richtung.',
  'The new one-way propagation delay.': 'Die neue Ausbreitungsverzögerung in eine Richtung.',
  'The new probability that a packet is lost (0 to <1).':
    'Die neue Wahrscheinlichkeit, dass ein Paket verloren geht (0 bis <1).',
  'Crashes a node at a given time: its connections, sockets and programs are gone at once, with nothing sent, and it drops every packet until it restarts.':
    'Lässt einen Knoten zu einem bestimmten Zeitpunkt abstürzen: Verbindungen, Sockets und Programme sind auf einmal weg, ohne dass etwas gesendet wird, und bis zum Neustart wird jedes Paket verworfen.',
  'Restarts a crashed node at a given time: it boots with its configuration and its servers listen again, with nothing of what they held before.':
    'Startet einen abgestürzten Knoten zu einem bestimmten Zeitpunkt neu: er bootet mit seiner Konfiguration, und seine Server lauschen wieder, ohne etwas von dem, was sie vorher hatten.',
  'Takes a node’s interface down at a given time: nothing passes through it and routes through it are unusable.':
    'Schaltet eine Schnittstelle eines Knotens zu einem bestimmten Zeitpunkt ab: nichts geht hindurch, und Routen über sie sind unbrauchbar.',
  'Brings a node’s interface back up at a given time.':
    'Schaltet eine Schnittstelle eines Knotens zu einem bestimmten Zeitpunkt wieder ein.',
  'Brings a link back up at a given time.':
    'Nimmt eine Leitung zu einem bestimmten Zeitpunkt wieder in Betrieb.',
  'At `at`, the node sends ICMP echo requests to `target`, one a second; the target answers each.':
    'Zum Zeitpunkt `at` sendet der Knoten ICMP-Echo-Requests an `target`, einen pro Sekunde; das Ziel beantwortet jeden.',
  'The node that acts, by id.': 'Der Knoten, der handelt, als ID.',
  'Echo requests to send, one a second (default 1).':
    'Zu sendende Echo-Requests, einer pro Sekunde (Standard 1).',
  'At `at`, the node fetches `path` from `server` over HTTP: one GET on a new connection.':
    'Zum Zeitpunkt `at` ruft der Knoten `path` von `server` über HTTP ab: ein GET über eine neue Verbindung.',
  'What to fetch, e.g. /index.html.': 'Was abgerufen wird, z. B. /index.html.',
  'Server port (default 80).': 'Server-Port (Standard 80).',
  'At `at`, the node connects to a sink on `target` over TCP, sends `bytes`, then closes.':
    'Zum Zeitpunkt `at` verbindet sich der Knoten über TCP mit einer Senke auf `target`, sendet `bytes` und schließt dann.',
  'A load balancer: spreads the connections (layer 4) or HTTP requests (layer 7) it receives over its backends, leaving out those its health checks find down.':
    'Ein Load Balancer: verteilt die Verbindungen (Schicht 4) oder HTTP-Anfragen (Schicht 7), die er bekommt, auf seine Backends und lässt die aus, die seine Zustandsprüfungen als ausgefallen erkennen.',
  'A backend server: its address (a node id or an IPv4 address) and port.':
    'Ein Backend-Server: seine Adresse (eine Knoten-ID oder eine IPv4-Adresse) und sein Port.',
  'Port the backend listens on (default 80).': 'Port, auf dem das Backend lauscht (Standard 80).',
  'Share of the requests relative to the other backends (default 1); used by every policy but roundRobin.':
    'Anteil an den Anfragen im Verhältnis zu den anderen Backends (Standard 1); jedes Verfahren außer roundRobin nutzt ihn.',
  'Names the load balancer in the trace (default "lb").':
    'Name des Load Balancers im Trace (Standard "lb").',
  'TCP port it listens on (default 80).': 'TCP-Port, auf dem er lauscht (Standard 80).',
  '"l4" (default): a TCP proxy, one backend per connection; "l7": HTTP, one backend per request.':
    '"l4" (Standard): ein TCP-Proxy, ein Backend je Verbindung; "l7": HTTP, ein Backend je Anfrage.',
  'How a backend is picked (default "roundRobin"): roundRobin, weightedRoundRobin (nginx smooth), leastConnections, ipHash (nginx ip_hash), twoChoices (power of two random choices).':
    'Wie ein Backend gewählt wird (Standard "roundRobin"): roundRobin, weightedRoundRobin (gleichmäßig gewichtet wie nginx), leastConnections (wenigste Verbindungen), ipHash (wie nginx ip_hash), twoChoices (die bessere von zwei zufälligen Auswahlen).',
  'ipHash: how many leading octets of the client address are hashed (default 3, as nginx: a /24 goes to one backend).':
    'ipHash: wie viele führende Oktette der Client-Adresse gehasht werden (Standard 3, wie nginx: ein /24 geht an ein Backend).',
  'Active health checks: a TCP connection (layer 4) or an HTTP GET (layer 7) to every backend at each interval.':
    'Aktive Zustandsprüfungen: in jedem Intervall eine TCP-Verbindung (Schicht 4) oder ein HTTP-GET (Schicht 7) zu jedem Backend.',
  'Time from one check of a backend to the next (default 2s).':
    'Zeit von einer Prüfung eines Backends bis zur nächsten (Standard 2s).',
  'A check not answered within this fails (default 1s); at most the interval.':
    'Eine Prüfung ohne Antwort innerhalb dieser Zeit schlägt fehl (Standard 1s); höchstens das Intervall.',
  'Checks in a row that must pass to bring a backend back (default 2).':
    'Prüfungen hintereinander, die gelingen müssen, damit ein Backend wieder aufgenommen wird (Standard 2).',
  'Failures in a row (checks or requests) that take a backend out (default 3).':
    'Fehlschläge hintereinander (Prüfungen oder Anfragen), nach denen ein Backend herausgenommen wird (Standard 3).',
  'Layer 7: the path the check GETs; a 2xx or 3xx answer passes (default "/").':
    'Schicht 7: der Pfad, den die Prüfung per GET abruft; eine Antwort 2xx oder 3xx besteht (Standard "/").',
  'A backend that has not accepted the connection by then has failed (default 2s).':
    'Ein Backend, das die Verbindung bis dahin nicht angenommen hat, ist gescheitert (Standard 2s).',
  "Layer 7: the longest wait for a response (then 504) or for a client's next request; layer 4: a connection idle this long is closed (default 30s).":
    'Schicht 7: die längste Wartezeit auf eine Antwort (danach 504) oder auf die nächste Anfrage eines Clients; Schicht 4: eine so lange untätige Verbindung wird geschlossen (Standard 30s).',
  'Layer 7: sticky sessions. A response carries a cookie naming its backend; requests with it go there while it is healthy.':
    'Schicht 7: Sticky Sessions. Eine Antwort trägt ein Cookie, das ihr Backend nennt; Anfragen damit gehen dorthin, solange es gesund ist.',
  'The cookie that names the backend (default "lb").':
    'Das Cookie, das das Backend nennt (Standard "lb").',
  'Rate limit (a token bucket, as nginx limit_req with nodelay): requests over it are answered at once with 503 or 429, without work.':
    'Ratenlimit (ein Token-Eimer, wie limit_req von nginx mit nodelay): Anfragen darüber werden sofort mit 503 oder 429 beantwortet, ohne Arbeit.',
  'Requests per second let through in the long run (the bucket refills at this rate).':
    'Anfragen pro Sekunde, die auf Dauer durchgelassen werden (so schnell füllt sich der Eimer wieder).',
  'Requests let through at one moment: the bucket size (default 1; nginx burst=N is N+1 here).':
    'Anfragen, die in einem Augenblick durchgelassen werden: die Größe des Eimers (Standard 1; burst=N bei nginx ist hier N+1).',
  'One bucket per client address ("client", default) or one for all clients ("all").':
    'Ein Eimer pro Client-Adresse ("client", Standard) oder einer für alle Clients ("all").',
  'Status of a refused request: 503 (default, as nginx answers) or 429 Too Many Requests.':
    'Status einer abgewiesenen Anfrage: 503 (Standard, wie nginx antwortet) oder 429 Too Many Requests.',
  'Seconds a refused HTTP client is told to wait (a Retry-After header; default none).':
    'Sekunden, die ein abgewiesener HTTP-Client warten soll (ein Retry-After-Header; Standard: keiner).',
  'Try a failed request again after a growing random wait (exponential backoff with jitter): on refused, reset or timed-out connections and on 503 or 429 answers.':
    'Eine gescheiterte Anfrage nach einer wachsenden zufälligen Wartezeit noch einmal versuchen (exponentieller Backoff mit Jitter): bei abgewiesenen, zurückgesetzten oder abgelaufenen Verbindungen und bei den Antworten 503 oder 429.',
  'Most tries of one request, the first included (default 3; 1 never retries).':
    'Höchstens so viele Versuche für eine Anfrage, der erste mitgezählt (Standard 3; 1 wiederholt nie).',
  'Wait before the first retry, before jitter; it doubles each retry (default 100ms).':
    'Wartezeit vor der ersten Wiederholung, vor dem Jitter; sie verdoppelt sich mit jeder Wiederholung (Standard 100ms).',
  'No wait is longer than this, before jitter (default 20s).':
    'Keine Wartezeit ist länger als diese, vor dem Jitter (Standard 20s).',
  'Spread of each wait: "full" (default: anywhere from 0 to it), "equal" (half of it plus up to the other half) or "none".':
    'Streuung jeder Wartezeit: "full" (Standard: irgendwo zwischen 0 und ihr), "equal" (die Hälfte plus bis zur anderen Hälfte) oder "none".',
  "A packet filter as iptables' filter table: each chain's rules are tried in order, the first that ends the walk decides, else the chain's policy.":
    'Ein Paketfilter wie die filter-Tabelle von iptables: Die Regeln jeder Kette werden der Reihe nach geprüft, die erste, die den Durchlauf beendet, entscheidet, sonst die Policy der Kette.',
  'Packets for this node (iptables INPUT).': 'Pakete an diesen Knoten (iptables INPUT).',
  'What a packet no rule decided gets (default ACCEPT, as a fresh Linux box).':
    'Was ein Paket bekommt, über das keine Regel entschied (Standard ACCEPT, wie bei einem frischen Linux-Rechner).',
  'One rule: the packets it matches (every field given must match) and what they get.':
    'Eine Regel: die Pakete, auf die sie passt (jedes angegebene Feld muss passen), und was sie bekommen.',
  'What a matching packet gets: ACCEPT, DROP (silently), REJECT (with an answer) or LOG (noted; the next rules still look at it).':
    'Was ein passendes Paket bekommt: ACCEPT, DROP (stillschweigend), REJECT (mit einer Antwort) oder LOG (notiert; die nächsten Regeln prüfen es weiter).',
  'Source address or network (iptables -s).': 'Quelladresse oder -netz (iptables -s).',
  'Destination address or network (iptables -d).': 'Zieladresse oder -netz (iptables -d).',
  'Protocol (iptables -p); default any.': 'Protokoll (iptables -p); Standard any.',
  'Source port or range (--sport); needs tcp or udp.':
    'Quellport oder -bereich (--sport); braucht tcp oder udp.',
  'Destination port or range (--dport); needs tcp or udp.':
    'Zielport oder -bereich (--dport); braucht tcp oder udp.',
  'Only the first segment of a connection: SYN set, ACK, RST and FIN clear (--syn).':
    'Nur das erste Segment einer Verbindung: SYN gesetzt, ACK, RST und FIN nicht (--syn).',
  'TCP flags (--tcp-flags): of the flags in mask, those in set must be set and the others clear.':
    'TCP-Flags (--tcp-flags): Von den Flags in mask müssen die in set gesetzt sein und die übrigen nicht.',
  "REJECT's answer (--reject-with); default icmp-port-unreachable.":
    'Die Antwort von REJECT (--reject-with); Standard icmp-port-unreachable.',
  "LOG's prefix (--log-prefix).": 'Das Präfix von LOG (--log-prefix).',
  'A note for people (-m comment).': 'Eine Notiz für Menschen (-m comment).',
  'Packets this node routes on (iptables FORWARD).':
    'Pakete, die dieser Knoten weiterleitet (iptables FORWARD).',
  'Packets this node sends (iptables OUTPUT).':
    'Pakete, die dieser Knoten sendet (iptables OUTPUT).',
  'From `at`, the node floods `target` with TCP SYNs: `rate` a second for `duration`, from random ports (and forged addresses with `spoofFrom`).':
    'Ab `at` überflutet der Knoten `target` mit TCP-SYNs: `rate` pro Sekunde, `duration` lang, von zufälligen Ports (und mit `spoofFrom` von gefälschten Adressen).',
  'The TCP port flooded (default 80).': 'Der überflutete TCP-Port (Standard 80).',
  'SYNs a second (default 100).': 'SYNs pro Sekunde (Standard 100).',
  'How long the flood lasts (default 10s).': 'Wie lange die Flut dauert (Standard 10s).',
  'Forge each SYN\'s source address, drawn at random from this prefix (such as "203.0.113.0/24"), so the SYN-ACKs go nowhere; without it the SYNs come from the node itself.':
    'Die Absenderadresse jedes SYN fälschen, zufällig aus diesem Präfix gezogen (etwa „203.0.113.0/24“), damit die SYN-ACKs ins Leere gehen; ohne es kommen die SYNs vom Knoten selbst.',
  'From `at`, the node scans `ports` of `target` with TCP SYNs (nmap -sS): open, closed or filtered.':
    'Ab `at` scannt der Knoten die Ports `ports` von `target` mit TCP-SYNs (nmap -sS): offen, geschlossen oder gefiltert.',
  'The TCP ports to scan, as nmap -p writes them: "1-1024", "22,80,8000-8100".':
    'Die zu scannenden TCP-Ports, wie nmap -p sie schreibt: „1-1024“, „22,80,8000-8100“.',
  'Probes (SYNs) a second (default 100).': 'Proben (SYNs) pro Sekunde (Standard 100).',
  'How long to wait for an answer before a port is probed again (default 1s).':
    'Wie lange auf eine Antwort gewartet wird, bevor ein Port erneut geprüft wird (Standard 1s).',
  'SYNs sent again to a port that did not answer, before it counts as filtered (default 1).':
    'SYNs, die an einen Port ohne Antwort erneut gesendet werden, bevor er als gefiltert gilt (Standard 1).',
  // Email (src/kinds/mail/mailSchemas.ts).
  'An SMTP server (RFC 5321): takes mail for its domains into their mailboxes, refuses other domains, but relays mail from the networks in relayFrom to the domain’s MX (its node needs a dns setting).':
    'Ein SMTP-Server (RFC 5321): nimmt Post für seine Domains in deren Postfächer an, weist andere Domains ab, leitet aber Post aus den Netzen in relayFrom an den MX der Domain weiter (sein Knoten braucht eine dns-Einstellung).',
  'A domain the server takes mail for, e.g. "b.example".':
    'Eine Domain, für die der Server Post annimmt, z. B. "b.example".',
  'TCP port (default 25).': 'TCP-Port (Standard 25).',
  'Its own name in its greeting and Received fields (default "mail." and its first domain).':
    'Sein eigener Name in der Begrüßung und in Received-Zeilen (Standard "mail." und seine erste Domain).',
  'A mailbox at each of the server’s domains.': 'Ein Postfach in jeder Domain des Servers.',
  'The mailbox name: the part before the @.': 'Der Name des Postfachs: der Teil vor dem @.',
  'Its POP3 password (default "secret").': 'Sein POP3-Passwort (Standard "secret").',
  'A POP3 server (RFC 1939): lets the owners of the node’s SMTP server mailboxes fetch and delete their mail.':
    'Ein POP3-Server (RFC 1939): lässt die Besitzer der Postfächer des SMTP-Servers auf dem Knoten ihre Post abholen und löschen.',
  'TCP port (default 110).': 'TCP-Port (Standard 110).',
  'A mail client: sends its messages through its SMTP server and fetches its mail from its POP3 server.':
    'Ein Mail-Client: sendet seine Nachrichten über seinen SMTP-Server und holt seine Post von seinem POP3-Server ab.',
  'Its own address, e.g. "alice@a.example".': 'Seine eigene Adresse, z. B. "alice@a.example".',
  'Its SMTP server’s port (default 25).': 'Der Port seines SMTP-Servers (Standard 25).',
  'Its POP3 server’s port (default 110).': 'Der Port seines POP3-Servers (Standard 110).',
  'A message the client sends.': 'Eine Nachricht, die der Client sendet.',
  'The recipient, e.g. "bob@b.example".': 'Der Empfänger, z. B. "bob@b.example".',
  'The Subject line.': 'Die Betreffzeile (Subject).',
  'When it is sent (default 0s).': 'Wann sie gesendet wird (Standard 0s).',
  'The text of the message.': 'Der Text der Nachricht.',
  'When the client fetches its mail by POP3.': 'Wann der Client seine Post per POP3 abholt.',
  'The first fetch (default 1s).': 'Das erste Abholen (Standard 1s).',
  'Fetch again after this long (default: once).':
    'Nach dieser Zeit erneut abholen (Standard: einmal).',
  'Leave fetched messages on the server (default false: DELE after RETR).':
    'Abgeholte Nachrichten auf dem Server lassen (Standard false: DELE nach RETR).',
  'A DHCP server (RFC 2131) on UDP port 67, leasing its pool to the clients of its segment.':
    'Ein DHCP-Server (RFC 2131) auf UDP-Port 67, der die Adressen seines Pools an die Clients seines Segments verleiht.',
  'The addresses it leases, inside the subnet of the interface it serves.':
    'Die Adressen, die er verleiht, im Subnetz der Schnittstelle, die er bedient.',
  'The first address it gives out, e.g. 192.168.1.100.':
    'Die erste Adresse, die er vergibt, etwa 192.168.1.100.',
  'The last address it gives out, e.g. 192.168.1.199.':
    'Die letzte Adresse, die er vergibt, etwa 192.168.1.199.',
  'How long a lease lasts, in whole seconds (default 1h). Clients renew at half of it (T1).':
    'Wie lange eine Lease dauert, in ganzen Sekunden (Standard 1h). Clients verlängern nach der Hälfte (T1).',
  'The default gateway it tells clients (option 3); a router names itself unless set.':
    'Das Standard-Gateway, das er den Clients nennt (Option 3); ein Router nennt sich selbst, wenn nichts gesetzt ist.',
  'A DNS server it tells clients (option 6).':
    'Ein DNS-Server, den er den Clients nennt (Option 6).',
};
