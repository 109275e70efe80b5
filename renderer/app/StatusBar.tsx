import { useTranslation } from 'react-i18next';
import type { AppInfo, TranslateSummary } from '../../electron/contract';
import { InfoNote } from '../components/Notices';
import type { Notice } from '../components/notices';
import { TranslateSummaryNote } from '../features/translate/TranslateBar';

/** The status bar: the latest information, the last run's summary, the shortcut hint, the mode and version. */
export function StatusBar(props: {
  info: AppInfo;
  notices: Notice[];
  onDismiss(id: number): void;
  summary: TranslateSummary | null;
}) {
  const { t } = useTranslation();
  return (
    <footer className="statusbar">
      <InfoNote notices={props.notices} onDismiss={props.onDismiss} />
      <TranslateSummaryNote summary={props.summary} />
      <span className="statusbar-hint">{t('statusbar.shortcuts')}</span>
      <span className="spacer" />
      <span>{props.info.mode === 'electron' ? t('statusbar.desktopMode') : t('statusbar.browserMode')}</span>
      <span>{t('statusbar.version', { version: props.info.version })}</span>
    </footer>
  );
}
