import { describe, expect, it } from 'vitest';
import { workflowCaption } from '../../../src/lib/workflow/caption.ts';

describe('workflowCaption', () => {
  const owner = { id: 'birth-registration', title: 'تسجيل المواليد' };

  it("names no machine id on the SOP's own page, in any language", () => {
    expect(workflowCaption('figure', 'ar', owner, 'birth-registration')).toBe('الشكل: سير عمل هذا الإجراء.');
    expect(workflowCaption('table', 'ar', owner, 'birth-registration')).toBe('جدول الإجراء، مولَّد من سير العمل: الخطوات نفسها الواردة في المخطط.');
    expect(workflowCaption('figure', 'en', { id: 'x', title: 'X' }, 'x')).toBe('Figure: the workflow of this procedure.');
    expect(workflowCaption('table', 'fr', undefined, 'x')).toBe('Tableau de la procédure, tiré du processus\u00a0: les mêmes étapes que le schéma.');
  });

  it('names the procedure that owns the workflow, by its title, on another page', () => {
    expect(workflowCaption('figure', 'ar', owner, 'death-registration')).toBe('الشكل: سير عمل إجراء «تسجيل المواليد».');
    expect(workflowCaption('table', 'en', { id: 'birth-registration', title: 'Birth registration' })).toBe('Procedure table of “Birth registration”, generated from its workflow: the same steps as the diagram.');
  });
});
