/** The views' text: diagram labels, panels, reasons a message waits, checker verdicts. */
export const views = {
  en: {
    holdback: 'Hold-back queue',
  },
  zh: {
    holdback: '保留队列',
  },
};
