import { useTranslation } from 'react-i18next';
import { ui } from '../i18n/ui';
import { Dialog } from './Dialog';
import { KEY_HELP } from './keys';
import { useShell } from './shell';

type HelpKey = keyof typeof ui.en.help.keys;

/**
 * The keyboard map, in both languages side by side: a lecturer who switches language mid-class
 * still finds the key they need.
 */
export function HelpOverlay() {
  const { t } = useTranslation('ui');
  const open = useShell((s) => s.overlay === 'help');
  const close = () => useShell.getState().open(null);
  const en = ui.en.help.keys;
  const zh = ui.zh.help.keys;
  return (
    <Dialog open={open} title={t('help.title')} closeLabel={t('help.close')} onClose={close} className="help">
      <table className="keys">
        <thead>
          <tr>
            <th scope="col">{t('help.keyCol')}</th>
            <th scope="col" lang="en">
              English
            </th>
            <th scope="col" lang="zh-CN">
              中文
            </th>
          </tr>
        </thead>
        <tbody>
          {KEY_HELP.map((row) => (
            <tr key={row.what}>
              <td>
                {row.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td lang="en">{en[row.what as HelpKey]}</td>
              <td lang="zh-CN">{zh[row.what as HelpKey]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
