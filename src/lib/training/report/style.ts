/**
 * Styles of the training report beyond the score report's (`reportCss`), scoped under
 * `.training-report`: the contents, the diverging bars of the evaluation and the comments.
 * Colours meet WCAG 2.1 AA on white; logical properties, so a right-to-left report mirrors.
 */
export const trainingReportCss = `
.training-report .report-toc ol { columns: 2 16rem; margin: 0.5rem 0 1rem; padding-inline-start: 1.4rem; }
.training-report section { margin: 0 0 1.5rem; }
.training-report .course-facts th { width: 12rem; }
.training-report table.compact { min-width: min(20rem, 100%); }
.training-report .likert-chart { margin: 0.8rem 0 1.2rem; }
.training-report .likert-chart figcaption { font-weight: 600; margin: 0 0 0.4rem; }
.training-report .likert-legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; padding: 0; margin: 0 0 0.6rem; font-size: 0.88rem; }
.training-report .likert-legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
.training-report .swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #6b7580; }
.training-report .likert-row { margin: 0 0 0.55rem; }
.training-report .likert-text { margin: 0 0 0.15rem; font-size: 0.92rem; }
.training-report .likert-num { color: #4a5360; font-weight: 600; }
.training-report .likert-bar { position: relative; height: 1.4rem; }
.training-report .likert-bar .seg { position: absolute; top: 0; bottom: 0; display: flex; align-items: center; justify-content: center; font-size: 0.8rem; font-weight: 600; overflow: hidden; }
.training-report .likert-bar .centre { position: absolute; top: -0.25rem; bottom: -0.25rem; inset-inline-start: calc(50% - 1px); width: 2px; background: #1b1f24; }
.training-report .comments li { margin: 0 0 0.3rem; white-space: pre-line; }
.training-report h3 { font-size: 1.12rem; border: 0; margin: 1.4em 0 0.4em; }
.training-report h4 { font-size: 1rem; margin: 1em 0 0.3em; border: 0; }
.training-report .note-line { color: #4a5360; }
.training-report .trainer-notes { border-inline-start: 4px solid #0f5f66; padding-inline-start: 0.8rem; }
@media print { .training-report .likert-row, .training-report .comments li { break-inside: avoid; } .training-report .report-toc { display: none; } }
`;
