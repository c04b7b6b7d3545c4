/**
 * Text a student reads, in both languages the course is taught in (English and Simplified
 * Chinese). The same shape as a lesson's `Bilingual`, declared here because protocols may not
 * import from scenarios (imports point down, ARCHITECTURE.md).
 */
export interface Bilingual {
  en: string;
  zh: string;
}

export const bi = (en: string, zh: string): Bilingual => ({ en, zh });
