import { sql, type Kysely } from "kysely";

// Employer services around vacancies: information content (4A/P), first-screening
// service requests, the register of delivered services with the standard
// durations of the source texts, and needs consultancy (4B).
// Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- The standards a delivered service fulfils; durations in minutes as in the source texts
    -- (Trento repertorio 4A–4E; LEP allegato B, P–S). Null bounds = the text gives none.
    create table service_standards (
      code text primary key,
      trento_code text,
      lep_letter text,
      sap_code text,
      title text not null,
      activity text not null,
      min_minutes integer,
      max_minutes integer,
      sort_order integer not null
    );
    insert into service_standards values
      ('4A',        '4A', 'P', null,  'Promozione e prima informazione', 'Colloquio in azienda o presso un punto della rete', 30, 60, 1),
      ('4B',        '4B', null, null, 'Consulenza sui fabbisogni occupazionali e formativi', 'Colloquio con il referente aziendale ed eventuali visite', 120, 600, 2),
      ('4C',        '4C', 'Q', 'B03', 'Incontro domanda offerta di lavoro', 'Colloquio con il referente, ricerche in banca dati, contatti con i lavoratori', 240, 480, 3),
      ('4D-VERIFICA','4D', null, null, 'Verifica delle competenze dei candidati', 'Verifica delle competenze dichiarate dai candidati', 120, 360, 4),
      ('4D-SELEZIONE','4D', null, null, 'Supporto alla selezione del personale', 'Selezione dei candidati, anche con il referente aziendale', 120, 360, 5),
      ('4E-IND',    '4E', null, null, 'Ricollocazione professionale (individuale)', 'Colloqui individuali, preferibilmente presso l''azienda', 900, 1200, 6),
      ('4E-GRUPPO', '4E', null, null, 'Ricollocazione professionale (di gruppo)', 'Colloqui di gruppo, preferibilmente presso l''azienda', 1500, 1800, 7),
      ('R',         null, 'R', null,  'Attivazione dei tirocini', 'Scouting, piano formativo, adempimenti, contatti con il tutor', null, null, 8),
      ('S',         null, 'S', null,  'Collocamento mirato', 'Computo, certificazioni, convenzioni, avviamenti', null, null, 9);

    create table info_articles (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      category text not null check (category in ('services','incentives','procedures','contracts','internships')),
      title text not null,
      summary text not null,
      body text not null,
      service_codes text[] not null default '{}',
      sort_order integer not null default 100,
      published boolean not null default true,
      updated_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index info_articles_search on info_articles
      using gin (to_tsvector('italian', title || ' ' || summary || ' ' || body));


    -- Initial content: administrators edit it in the portal (permission content:edit).
    insert into info_articles (slug, category, sort_order, service_codes, title, summary, body) values
      ('catalogo-servizi', 'services', 1, '{4A,4B,4C,4D-VERIFICA,4E-IND}', $t$I servizi del Centro per l'Impiego per i datori di lavoro$t$, $t$Cosa offre il Centro per l'Impiego alle aziende, con i tempi di ciascun servizio.$t$, $t$Informazione e prima accoglienza (standard 4A, LEP P): un colloquio di 30–60 minuti, in azienda o presso il Centro, su servizi, incentivi, procedure e contratti, con un primo esame dei fabbisogni.

Consulenza sui fabbisogni occupazionali e formativi (4B): da 2 a 10 ore con il referente aziendale, anche con visite in azienda. Individua le figure professionali da cercare, i gap di competenze e i percorsi formativi.

Incontro domanda-offerta (4C, LEP Q): da 4 a 8 ore. Il Centro acquisisce il fabbisogno, pubblica l'offerta, cerca nella banca dati dei curriculum, verifica la disponibilità delle persone e raccoglie le autocandidature, poi presenta all'azienda una rosa di candidati preselezionati.

Verifica delle competenze e supporto alla selezione (4D): da 2 a 6 ore per la verifica delle competenze dichiarate e da 2 a 6 ore per la selezione, anche con il referente aziendale.

Ricollocazione dei lavoratori in esubero (4E): percorsi individuali (15–20 ore) o di gruppo (25–30 ore), preferibilmente presso l'azienda di provenienza.

Tirocini (LEP R) e collocamento mirato (LEP S) completano il catalogo.$t$),
      ('preselezione-rosa-candidati', 'services', 2, '{4C}', $t$Preselezione: come ricevere una rosa di candidati$t$, $t$Dall'offerta di lavoro alla rosa di candidati preselezionati (4C, LEP Q).$t$, $t$Pubblica l'offerta di lavoro nell'area azienda indicando i requisiti in ordine di importanza, distinguendo quelli indispensabili da quelli preferibili. Un operatore la convalida e la pubblica.

Gli operatori cercano le persone nella banca dati, verificano la loro disponibilità e le candidature spontanee, e ti presentano una rosa di candidati. Ti chiederemo poi l'esito dei colloqui, per registrarlo e migliorare le ricerche successive.

L'offerta non può contenere requisiti discriminatori (sesso, età, stato civile, nazionalità, condizioni di salute, convinzioni): lo vieta l'art. 10 del D.Lgs. 276/2003.$t$),
      ('incentivi-assunzioni', 'incentives', 3, '{4A,4B}', $t$Incentivi e agevolazioni per le assunzioni$t$, $t$Dove informarsi sugli incentivi e cosa serve per ottenerli.$t$, $t$Le agevolazioni cambiano spesso: riduzioni contributive per l'apprendistato, incentivi per l'assunzione di giovani, donne e disoccupati di lunga durata, contributi per l'assunzione di persone con disabilità (art. 13 L. 68/1999).

Dal 1° aprile 2026 gli incentivi all'assunzione richiedono che l'offerta di lavoro sia pubblicata sul Sistema informativo per l'inclusione sociale e lavorativa (SIISL), come previsto dal DL 159/2025.

Chiedi un colloquio informativo al Centro per l'Impiego per verificare quali incentivi si applicano alla tua assunzione.$t$),
      ('comunicazioni-obbligatorie', 'procedures', 4, '{4A}', $t$Comunicazioni obbligatorie (UNILAV)$t$, $t$Cosa comunicare quando assumi, trasformi o cessi un rapporto di lavoro.$t$, $t$L'assunzione va comunicata con il modello UNILAV entro il giorno precedente l'inizio del rapporto, anche tramite un soggetto abilitato come il consulente del lavoro. Proroghe, trasformazioni e cessazioni si comunicano entro 5 giorni.

La comunicazione riporta la qualifica professionale (classificazione ISTAT), il contratto collettivo con il codice CNEL, la tipologia contrattuale, l'orario e la sede di lavoro.

Rosa non invia le comunicazioni obbligatorie: usa il servizio della tua Regione.$t$),
      ('collocamento-mirato-obblighi', 'procedures', 5, '{S}', $t$Collocamento mirato (L. 68/99): obblighi e prospetto informativo$t$, $t$Quota di riserva, prospetto informativo e convenzioni per le aziende con almeno 15 dipendenti.$t$, $t$I datori di lavoro con almeno 15 dipendenti computabili devono assumere persone con disabilità iscritte al collocamento mirato (art. 1) e, oltre i 50 dipendenti, anche appartenenti alle categorie protette (art. 18).

Il prospetto informativo si invia entro il 31 gennaio se la situazione occupazionale è cambiata rispetto all'anno precedente. Il servizio di collocamento mirato (LEP S) calcola la quota, rilascia le certificazioni di ottemperanza, stipula le convenzioni e gestisce gli avviamenti.

Nell'area azienda, la sezione Collocamento mirato calcola la quota di riserva.$t$),
      ('tipi-di-contratto', 'contracts', 6, '{4A,4C}', $t$I principali tipi di contratto$t$, $t$Tempo indeterminato, determinato, apprendistato, somministrazione, collaborazioni.$t$, $t$Tempo indeterminato: il contratto ordinario, senza scadenza.

Tempo determinato: con un termine; oltre i 12 mesi servono le causali previste dalla legge e dai contratti collettivi.

Apprendistato: un contratto a tempo indeterminato con formazione, per giovani; professionalizzante, per la qualifica e il diploma, o di alta formazione e ricerca.

Somministrazione: la persona è assunta da un'agenzia per il lavoro e lavora presso la tua azienda.

Il contratto collettivo (CCNL) applicato e il livello di inquadramento vanno indicati nell'offerta e nella comunicazione obbligatoria.$t$),
      ('tirocini-extracurricolari', 'internships', 7, '{R}', $t$Ospitare un tirocinio (LEP R)$t$, $t$Come il Centro per l'Impiego ti aiuta ad attivare e gestire un tirocinio.$t$, $t$Il tirocinio extracurricolare non è un rapporto di lavoro: è un'esperienza formativa con un'indennità mensile minima fissata dalla Regione.

Il servizio (LEP R) cerca i profili adatti e ti propone una rosa di candidature, ti assiste nella definizione del piano formativo, predispone la convenzione e il progetto formativo individuale, e segue il tirocinio con il tutor aziendale fino alla chiusura e all'attestazione finale.

Indica nel questionario di primo orientamento che vuoi ospitare un tirocinio: un operatore ti contatterà.$t$),
      ('ricollocazione-esuberi', 'services', 8, '{4E-IND,4E-GRUPPO}', $t$Ricollocazione dei lavoratori in esubero (4E)$t$, $t$Accompagnare verso un nuovo lavoro le persone coinvolte in una riduzione di personale.$t$, $t$Nei casi di crisi il servizio 4E aiuta le persone licenziate o in cassa integrazione a trovare un nuovo lavoro: analisi delle competenze e delle motivazioni, progetto di reinserimento, coaching, consulenza per il lavoro autonomo ed eventuale riqualificazione.

I colloqui si svolgono preferibilmente presso l'azienda di provenienza: 15–20 ore individuali o 25–30 ore di gruppo, escluse le attività di formazione.$t$);

    create table service_requests (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employers(id),
      service_code text not null check (service_code in ('4B','4C','R','S','4E')),
      queue text not null check (queue in ('preselection','placement')),
      status text not null default 'open' check (status in ('open','taken','done','cancelled')),
      note text,
      answers jsonb not null default '{}'::jsonb,
      created_by uuid references users(id),
      assigned_to uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index service_requests_queue on service_requests (queue, status, created_at);
    create index service_requests_employer on service_requests (employer_id, created_at desc);
    -- One open request per service and employer: answering the questionnaire twice adds nothing.
    create unique index service_requests_one_open on service_requests (employer_id, service_code) where status in ('open','taken');

    create table service_deliveries (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employers(id),
      standard_code text not null references service_standards(code),
      delivered_on date not null,
      minutes integer not null check (minutes between 1 and 6000),
      modality text not null check (modality in ('office','company','remote')),
      officer_id uuid not null references users(id),
      output text not null,
      justification text,
      service_request_id uuid references service_requests(id),
      created_at timestamptz not null default now()
    );
    create index service_deliveries_on on service_deliveries (delivered_on desc);

    create table needs_assessments (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employers(id),
      officer_id uuid not null references users(id),
      assessed_on date not null,
      skill_gaps text not null default '',
      training_needs text not null default '',
      actions_agreed text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index needs_assessments_employer on needs_assessments (employer_id, assessed_on desc);

    create table needs_figures (
      id uuid primary key default gen_random_uuid(),
      assessment_id uuid not null references needs_assessments(id) on delete cascade,
      position smallint not null,
      occupation_code text not null references occupations(code),
      quantity integer not null check (quantity between 1 and 99),
      needed_by date,
      notes text not null default '',
      vacancy_id uuid references vacancies(id),
      unique (assessment_id, position)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists needs_figures, needs_assessments, service_deliveries, service_requests, info_articles, service_standards;
  `).execute(db);
}
