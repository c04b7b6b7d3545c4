/** The shell's text: header, controls, dialogs, errors. Owned by the shell (src/ui). */
export const ui = {
  en: {
    appName: 'Multicast Lab',
  },
  zh: {
    appName: '组播实验室',
  },
};
