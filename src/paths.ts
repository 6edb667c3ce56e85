// Every path of the portal, written once. The route table (src/routes.ts) mounts each `.pattern`; views, redirects,
// feeds, exports and the API build their links by calling the same entry, so no URL is put together by hand.

/** The `:name` segments of a pattern, as a union of names (`never` when it has none). */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? ParamName<Name> | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? ParamName<Name>
    : never;
/** `:journey` in `/:journey/feed.atom` ends at the slash; a name never holds a dot. */
type ParamName<S extends string> = S extends `${infer Name}.${string}` ? Name : S;

export type ParamValue = string | number;
export type PathParams<P extends string> = { [K in ParamsOf<P>]: ParamValue };
/** Query values; `undefined`, `null`, `''` and `false` leave the key out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface PathBuilder<P extends string> {
  /** The path with its parameters URL-encoded, then the query string (without empty values) and the fragment. */
  (...args: [ParamsOf<P>] extends [never] ? [params?: Record<string, never>, query?: Query, hash?: string] : [params: PathParams<P>, query?: Query, hash?: string]): string;
  /** The Express route pattern. */
  readonly pattern: P;
  /** Whether a request path (no query string) is this path with any parameter values. */
  matches(requestPath: string): boolean;
}

const PARAM = /:(\w+)/g;

export function path<P extends string>(pattern: P): PathBuilder<P> {
  const matcher = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(PARAM, '[^/]+')}$`);
  const build = (params: Record<string, ParamValue | null | undefined> = {}, query?: Query, hash?: string): string => {
    const filled = pattern.replace(PARAM, (_m, name: string) => {
      const value = params[name];
      if (value === undefined || value === null || value === '') throw new Error(`path ${pattern}: no value for :${name}`);
      return encodeURIComponent(String(value));
    });
    return filled + queryString(query) + (hash ? `#${hash}` : '');
  };
  return Object.assign(build, { pattern, matches: (requestPath: string) => matcher.test(requestPath) }) as unknown as PathBuilder<P>;
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const paths = {
  home: path('/'),
  accessibility: path('/tilgjengelighet'),
  /** The privacy statement: the portal's, and each municipality's own (below) naming it as the controller. */
  privacy: path('/personvern'),
  health: path('/healthz'),
  /** Prometheus metrics (#22.3): configured addresses or a bearer token only; anyone else gets the ordinary 404. */
  metrics: path('/metrics'),

  login: path('/login'),
  /** The second step of a sign-in with TOTP (#21.2): a code from the app or a recovery code. */
  loginCode: path('/login/kode'),
  logout: path('/logout'),
  /** Staff single sign-on (#21.1): POST starts it (to the provider), GET is where the provider sends the browser back. */
  staffSso: {
    start: path('/admin/innlogging/kommunekonto'),
    callback: path('/admin/innlogging/kommunekonto/svar'),
  },
  setup: path('/setup/:token'),

  /** A resident's own contributions, across municipalities. */
  mine: path('/mine'),
  /** GET asks first (what goes, what stays); POST deletes. */
  deleteMyReport: path('/mine/innspill/:painPointId/slett'),
  deleteMyVote: path('/mine/stemmer/:painPointId/slett'),
  deleteMyExperience: path('/mine/opplevelser/:experienceId/slett'),
  /** "Your contributions on another device" (#20.4): the form asking for the address, and the e-mail's sign-in link. */
  device: {
    request: path('/mine/annen-enhet'),
    join: path('/mine/annen-enhet/:deviceToken'),
  },

  /**
   * Residents' ID-porten verification (#21.3): start (POST, on the municipality's pages), ID-porten's answer, logout at
   * ID-porten (POST), and removing the verification (GET asks first, POST removes).
   */
  verification: {
    start: path('/:municipality/id-porten'),
    callback: path('/mine/id-porten'),
    logout: path('/mine/id-porten/logg-ut'),
    remove: path('/mine/id-porten/:municipality/fjern'),
  },

  /** Following by e-mail (#20): the links the e-mails carry, and an address's own page of its follows. */
  follow: {
    confirm: path('/folg/bekreft/:confirmToken'),
    unsubscribe: path('/folg/avmeld/:unsubscribeToken'),
    manage: path('/folg/adresse/:manageToken'),
    mode: path('/folg/adresse/:manageToken/folger/:followId/varsling'),
    remove: path('/folg/adresse/:manageToken/folger/:followId/slett'),
    deleteAll: path('/folg/adresse/:manageToken/slett'),
    /** "Is it fixed?" (#20.3): GET asks with the e-mail's choice preselected (`?svar=`), POST records the answer. */
    fixed: path('/folg/bedre/:fixToken'),
  },

  /** Residents' pages of one municipality. */
  municipality: path('/:municipality'),
  journey: path('/:municipality/reiser/:journey'),
  journeyReport: path('/:municipality/reiser/:journey/meld'),
  journeyFeed: path('/:municipality/reiser/:journey/feed.atom'),
  step: path('/:municipality/reiser/:journey/steg/:stepId'),
  stepReport: path('/:municipality/reiser/:journey/steg/:stepId/meld'),
  painPoint: path('/:municipality/innspill/:painPointId'),
  painPointVote: path('/:municipality/innspill/:painPointId/meg-ogsa'),
  painPointExperience: path('/:municipality/innspill/:painPointId/opplevelse'),
  painPointWithdraw: path('/:municipality/innspill/:painPointId/trekk'),
  painPointFlag: path('/:municipality/innspill/:painPointId/rapporter'),
  painPointFollow: path('/:municipality/innspill/:painPointId/folg'),
  journeyFollow: path('/:municipality/reiser/:journey/folg'),
  top: path('/:municipality/viktigst'),
  doing: path('/:municipality/vi-gjor'),
  municipalityPrivacy: path('/:municipality/personvern'),

  /** The open data API (docs/api.md). */
  api: {
    root: path('/api/v1'),
    municipalities: path('/api/v1/municipalities'),
    journeys: path('/api/v1/municipalities/:municipality/journeys'),
    journey: path('/api/v1/municipalities/:municipality/journeys/:journey'),
    candidates: path('/api/v1/municipalities/:municipality/candidates'),
    /** The whole ranking as one CSV file (#22.4: the dataset's download). */
    candidatesCsv: path('/api/v1/municipalities/:municipality/candidates.csv'),
    /** The API described in OpenAPI 3.1 (#22.4). */
    openapi: path('/api/v1/openapi.json'),
    /** The datasets described in DCAT-AP-NO, as JSON-LD, for data.norge.no to harvest (#22.4). */
    dcat: path('/api/v1/dcat.jsonld'),
  },

  /** Staff pages. */
  admin: {
    home: path('/admin'),
    municipalities: path('/admin/municipalities'),
    newMunicipality: path('/admin/municipalities/new'),
    audit: path('/admin/audit'),
    acceptInvitation: path('/admin/invitations/:invitationId/accept'),
    /** A staff member's own account: the password change (#21.2). */
    password: path('/admin/konto/passord'),
    /** TOTP (#21.2): the page shows the state and enrolment, POST confirms enrolment with a code; start and turn off. */
    twoFactor: path('/admin/konto/totp'),
    twoFactorStart: path('/admin/konto/totp/start'),
    twoFactorRemove: path('/admin/konto/totp/av'),
    /** Ten new recovery codes for a current code (the old ones stop working); the answer shows them once. */
    twoFactorRecoveryCodes: path('/admin/konto/totp/nye-koder'),
    /** An invitation's single-use link (#21.2): open without signing in; a new account's password is chosen here. */
    invitation: path('/admin/konto/invitasjon/:invitationToken'),
    /** Someone with an account, signed in, accepts or declines the invitation the link names. */
    invitationAnswer: path('/admin/konto/invitasjon/:invitationToken/svar'),
    declineInvitation: path('/admin/invitations/:invitationId/decline'),
    municipality: path('/admin/:municipality'),

    journeys: {
      index: path('/admin/:municipality/journeys'),
      new: path('/admin/:municipality/journeys/new'),
      import: path('/admin/:municipality/journeys/import'),
      copy: path('/admin/:municipality/journeys/copy'),
      copyFrom: path('/admin/:municipality/journeys/copy/:sourceId'),
      show: path('/admin/:municipality/journeys/:journeyId'),
      edit: path('/admin/:municipality/journeys/:journeyId/edit'),
      preview: path('/admin/:municipality/journeys/:journeyId/preview'),
      versions: path('/admin/:municipality/journeys/:journeyId/versions'),
      diff: path('/admin/:municipality/journeys/:journeyId/diff'),
      exportJson: path('/admin/:municipality/journeys/:journeyId/export.json'),
      /** The journey's text beside its translation into one language (`?language=`, #19.9). */
      translations: path('/admin/:municipality/journeys/:journeyId/translations'),
      publish: path('/admin/:municipality/journeys/:journeyId/publish'),
      archive: path('/admin/:municipality/journeys/:journeyId/archive'),
      restore: path('/admin/:municipality/journeys/:journeyId/restore'),
      phases: path('/admin/:municipality/journeys/:journeyId/phases'),
      phaseEdit: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/edit'),
      phaseMove: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/move'),
      phaseRemove: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/remove'),
      newStep: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/steps/new'),
      phaseSteps: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/steps'),
      stepEdit: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/edit'),
      stepMove: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/move'),
      stepRemove: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/remove'),
      stepMerge: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/merge'),
      phaseGrid: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/grid'),
      phaseRestore: path('/admin/:municipality/journeys/:journeyId/phases/:phaseId/restore'),
      stepAddAfter: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/add-after'),
      stepDuplicate: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/duplicate'),
      stepToPhase: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/phase'),
      stepPlace: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/place'),
      stepRestore: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/restore'),
      lanes: path('/admin/:municipality/journeys/:journeyId/lanes'),
      lane: path('/admin/:municipality/journeys/:journeyId/lanes/:laneId'),
      laneMove: path('/admin/:municipality/journeys/:journeyId/lanes/:laneId/move'),
      laneRemove: path('/admin/:municipality/journeys/:journeyId/lanes/:laneId/remove'),
      handover: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/handover'),
      handoverRemove: path('/admin/:municipality/journeys/:journeyId/steps/:stepId/handover/remove'),
    },

    departments: {
      index: path('/admin/:municipality/departments'),
      edit: path('/admin/:municipality/departments/:departmentId/edit'),
      remove: path('/admin/:municipality/departments/:departmentId/remove'),
    },

    /** Review of journey drafts across departments (#19.7): every staff role comments, designers resolve. */
    review: {
      index: path('/admin/:municipality/review'),
      journey: path('/admin/:municipality/review/:journeyId'),
      comments: path('/admin/:municipality/review/:journeyId/comments'),
      resolve: path('/admin/:municipality/review/:journeyId/comments/:commentId/resolve'),
    },

    moderation: {
      queue: path('/admin/:municipality/moderation'),
      bulk: path('/admin/:municipality/moderation/valgte'),
      savedAnswers: path('/admin/:municipality/moderation/svar'),
      experience: path('/admin/:municipality/moderation/opplevelser/:experienceId'),
      savedAnswerEdit: path('/admin/:municipality/moderation/svar/:answerId/edit'),
      savedAnswerRemove: path('/admin/:municipality/moderation/svar/:answerId/remove'),
      detail: path('/admin/:municipality/moderation/:painPointId'),
      approve: path('/admin/:municipality/moderation/:painPointId/approve'),
      reject: path('/admin/:municipality/moderation/:painPointId/reject'),
      redact: path('/admin/:municipality/moderation/:painPointId/redact'),
      merge: path('/admin/:municipality/moderation/:painPointId/merge'),
      unmerge: path('/admin/:municipality/moderation/:painPointId/unmerge'),
      answer: path('/admin/:municipality/moderation/:painPointId/answer'),
      clearFlags: path('/admin/:municipality/moderation/:painPointId/clear-flags'),
    },

    insights: {
      index: path('/admin/:municipality/insights'),
      export: path('/admin/:municipality/insights/export'),
      explain: path('/admin/:municipality/insights/:painPointId'),
    },

    portfolio: {
      board: path('/admin/:municipality/portfolio'),
      export: path('/admin/:municipality/portfolio/export'),
      new: path('/admin/:municipality/portfolio/new'),
      linkFromCandidate: path('/admin/:municipality/portfolio/link'),
      show: path('/admin/:municipality/portfolio/:initiativeId'),
      edit: path('/admin/:municipality/portfolio/:initiativeId/edit'),
      move: path('/admin/:municipality/portfolio/:initiativeId/status'),
      candidates: path('/admin/:municipality/portfolio/:initiativeId/candidates'),
      unlink: path('/admin/:municipality/portfolio/:initiativeId/candidates/:painPointId/remove'),
    },

    settings: {
      index: path('/admin/:municipality/settings'),
      audit: path('/admin/:municipality/settings/audit'),
      users: path('/admin/:municipality/settings/users'),
      newUser: path('/admin/:municipality/settings/users/new'),
      user: path('/admin/:municipality/settings/users/:userId'),
      userRoles: path('/admin/:municipality/settings/users/:userId/roles'),
      disableUser: path('/admin/:municipality/settings/users/:userId/disable'),
      enableUser: path('/admin/:municipality/settings/users/:userId/enable'),
      removeUser: path('/admin/:municipality/settings/users/:userId/remove'),
      withdrawInvitation: path('/admin/:municipality/settings/invitations/:invitationId/withdraw'),
      resendInvitation: path('/admin/:municipality/settings/invitations/:invitationId/resend'),
    },
  },
} as const;

export type Paths = typeof paths;
