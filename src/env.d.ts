/** `true` only under `astro dev`; defined by src/integrations/preview-mode.ts (absent in unit tests). */
declare const __HOURGLASS_PREVIEW__: boolean | undefined;
