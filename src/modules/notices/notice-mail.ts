// Turns claimed outbox rows into e-mails: plain text and HTML from the templates in views/emails/, in the follower's
// language (nb, nn, en), with the one-click unsubscribe headers of RFC 8058 and the link to manage every follow.
import path from 'node:path';
import ejs from 'ejs';
import type { TFunction } from 'i18next';
import { createI18n, type Locale } from '../../lib/i18n';
import { paths } from '../../paths';
import type { NoticePayload } from './change-notices';
import type { DeviceLinkPayload } from './device-links.service';
import type { ConfirmPayload } from './follows.service';
import type { InvitationMailPayload } from './invitation-outbox';
import type { OutgoingMail } from './mail-transport';
import type { NoticeKind } from './notices.repository';

const FIX_CHOICES = ['yes', 'partly', 'no'] as const;

const VIEWS = path.resolve(__dirname, '..', '..', '..', 'views', 'emails');

/** One e-mail to send: a confirmation, one immediate notice, or a week's notices to one address. */
export type MailMessage = ConfirmMessage | NoticesMessage | InvitationMessage;
/** A staff invitation (#21.2): its single-use link, to the invitee's address. */
export interface InvitationMessage { type: 'invitation'; ids: number[]; to: string; language: Locale; invitation: InvitationMailPayload }
export interface ConfirmMessage { type: 'confirm'; ids: number[]; to: string; language: Locale; confirm: ConfirmPayload | DeviceLinkPayload }
export interface NoticesMessage { type: 'notice' | 'digest'; ids: number[]; to: string; language: Locale; manageToken: string; unsubscribeToken: string; items: MailItem[] }

export interface MailItem {
  kind: Exclude<NoticeKind, 'confirm' | 'invitation'>;
  payload: NoticePayload;
  /** The item's own "stop following this" link (a digest lists several follows). */
  unsubscribeToken: string;
  /** "Is it fixed?" (#20.3): the follow's signed link for this report, to answer yes, partly or no. */
  fixAnswerToken?: string;
}

/** What the templates get: every text already in the reader's language, every link absolute. */
interface Rendered {
  lang: Locale;
  heading: string;
  intro: string[];
  items: { heading: string; lines: string[]; choices?: { text: string; url: string }[]; link: { text: string; url: string }; stop?: { text: string; url: string } }[];
  action?: { text: string; url: string };
  footer: string[];
  links: { text: string; url: string }[];
}

export class NoticeMail {
  private readonly i18n = createI18n();

  constructor(
    private readonly baseUrl: string,
    private readonly from: string,
  ) {}

  private url(p: string): string {
    return `${this.baseUrl}${p}`;
  }

  /** The Message-ID is the first outbox row's: sent again after a crash, it is the same message to the receiving side. */
  messageId(message: MailMessage): string {
    return `<reisekart.${message.ids[0]}.${message.type}@${new URL(this.baseUrl).hostname}>`;
  }

  async render(message: MailMessage): Promise<OutgoingMail> {
    const t = this.i18n.getFixedT(message.language);
    const { subject, view, headers } =
      message.type === 'confirm' ? this.confirmation(t, message) : message.type === 'invitation' ? this.invitation(t, message) : this.notices(t, message);
    const text = await ejs.renderFile(path.join(VIEWS, 'message.txt.ejs'), view, { escape: (s: unknown) => String(s ?? '') });
    const html = await ejs.renderFile(path.join(VIEWS, 'message.html.ejs'), { ...view, subject });
    return { key: `${message.ids[0]}`, messageId: this.messageId(message), from: this.from, to: message.to, subject, text, html, headers: { 'Auto-Submitted': 'auto-generated', ...headers } };
  }

  private confirmation(t: TFunction, m: ConfirmMessage) {
    const expires = new Intl.DateTimeFormat(m.language === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(m.confirm.expiresAt));
    if ('purpose' in m.confirm) return this.deviceLink(t, m.language, m.confirm, expires);
    const view: Rendered = {
      lang: m.language,
      heading: t('notices.mail.confirm.heading'),
      intro: [t('notices.mail.confirm.intro', { title: m.confirm.title }), t('notices.mail.confirm.expires', { at: expires })],
      items: [],
      action: { text: t('notices.mail.confirm.action'), url: this.url(paths.follow.confirm({ confirmToken: m.confirm.token })) },
      footer: [t('notices.mail.confirm.ignore')],
      links: [{ text: m.confirm.title, url: this.url(m.confirm.path) }],
    };
    return { subject: t('notices.mail.confirm.subject', { title: m.confirm.title }), view, headers: {} };
  }

  /** The sign-in link to another device (#20.4): a confirmation-like e-mail, one address, its link forgotten once sent. */
  private deviceLink(t: TFunction, lang: Locale, link: DeviceLinkPayload, expires: string) {
    const view: Rendered = {
      lang,
      heading: t('notices.mail.device.heading'),
      intro: [t('notices.mail.device.intro'), t('notices.mail.device.expires', { at: expires })],
      items: [],
      action: { text: t('notices.mail.device.action'), url: this.url(paths.device.join({ deviceToken: link.token })) },
      footer: [t('notices.mail.device.ignore')],
      links: [],
    };
    return { subject: t('notices.mail.device.subject'), view, headers: {} };
  }

  /** A staff invitation (#21.2): who invites, for which roles, and the link that works once within 72 hours. */
  private invitation(t: TFunction, m: InvitationMessage) {
    const i = m.invitation;
    const expires = new Intl.DateTimeFormat(m.language === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(i.expiresAt));
    const roles = i.roles.map((r) => t(`roles.${r}`)).join(', ');
    const view: Rendered = {
      lang: m.language,
      heading: t('invitations.mail.heading', { municipality: i.municipalityName }),
      intro: [t('invitations.mail.intro', { name: i.name, municipality: i.municipalityName, roles }), t('invitations.mail.expires', { at: expires })],
      items: [],
      action: { text: t('invitations.mail.action'), url: this.url(paths.admin.invitation({ invitationToken: i.token })) },
      footer: [t('invitations.mail.ignore')],
      links: [],
    };
    return { subject: t('invitations.mail.subject', { municipality: i.municipalityName }), view, headers: {} };
  }

  private notices(t: TFunction, m: NoticesMessage) {
    const unsubscribeUrl = this.url(paths.follow.unsubscribe({ unsubscribeToken: m.unsubscribeToken }));
    const items = m.items.map((item) => this.item(t, item, m.type === 'digest'));
    const view: Rendered = {
      lang: m.language,
      heading: m.type === 'digest' ? t('notices.mail.digest.heading') : items[0]!.heading,
      intro: m.type === 'digest' ? [t('notices.mail.digest.intro', { count: items.length })] : [],
      items: m.type === 'digest' ? items : items.map((i) => ({ ...i, heading: '' })),
      footer: [t(m.type === 'digest' ? 'notices.mail.footer.digest' : 'notices.mail.footer.notice')],
      links: [
        { text: t('notices.mail.unsubscribe'), url: unsubscribeUrl },
        { text: t('notices.mail.manage'), url: this.url(paths.follow.manage({ manageToken: m.manageToken })) },
      ],
    };
    const first = m.items[0]!;
    const subject = m.type === 'digest'
      ? t('notices.mail.digest.subject', { count: m.items.length })
      : t(`notices.mail.${first.kind}.subject`, { title: first.payload.painPoint.title });
    return {
      subject,
      view,
      // RFC 8058: a POST of "List-Unsubscribe=One-Click" to this address unsubscribes, without a page in between.
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  private item(t: TFunction, item: MailItem, inDigest: boolean): Rendered['items'][number] {
    const p = item.payload;
    const reportUrl = this.url(paths.painPoint({ municipality: p.painPoint.municipality, painPointId: p.painPoint.id }));
    const lines: string[] = [];
    if (p.viaJourney) lines.push(t('notices.mail.viaJourney'));
    let link = { text: t('notices.mail.openReport'), url: reportUrl };
    let choices: { text: string; url: string }[] | undefined;
    switch (item.kind) {
      case 'answer':
      case 'status':
        lines.push(t('notices.mail.statusNow', { status: t(`responseStatus.${p.status}`) }));
        if (p.text) lines.push(t(item.kind === 'answer' ? 'notices.mail.answer.text' : 'notices.mail.status.text', { municipality: p.painPoint.municipalityName, text: p.text }));
        break;
      case 'progress':
        lines.push(t('notices.mail.progress.line', { initiative: p.initiative!.title, status: t(`initiativeStatus.${p.initiative!.status}`), progress: p.initiative!.progress }));
        if (p.initiative!.note) lines.push(p.initiative!.note);
        break;
      case 'merged':
        lines.push(t('notices.mail.merged.line', { target: p.target!.title }));
        link = { text: t('notices.mail.merged.link'), url: this.url(paths.painPoint({ municipality: p.painPoint.municipality, painPointId: p.target!.id })) };
        break;
      case 'rejected':
        lines.push(t('notices.mail.rejected.line', { reason: p.reason || t('feedback.noReason') }));
        break;
      case 'fixed':
        // One click each, to a page that asks once more with a button (mail scanners open links).
        lines.push(t('notices.mail.fixed.line', { initiative: p.initiative!.title }), t('notices.mail.fixed.question'));
        choices = FIX_CHOICES.map((answer) => ({
          text: t(`fixAnswers.answer.${answer}`),
          url: this.url(paths.follow.fixed({ fixToken: item.fixAnswerToken! }, { svar: answer })),
        }));
        break;
    }
    return {
      heading: t(`notices.mail.${item.kind}.heading`, { title: p.painPoint.title }),
      lines,
      choices,
      link,
      stop: inDigest ? { text: t('notices.mail.stopThis'), url: this.url(paths.follow.unsubscribe({ unsubscribeToken: item.unsubscribeToken })) } : undefined,
    };
  }
}
