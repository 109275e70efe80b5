// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { projectFileName } from './project-files';

describe('projectFileName', () => {
  it('names the download <name>.brproj whatever the Node side suggested', () => {
    expect(projectFileName('Seoul-Vietnam.review.json')).toBe('Seoul-Vietnam.brproj');
    expect(projectFileName('서울시 협력.json')).toBe('서울시 협력.brproj');
    expect(projectFileName('a.brproj')).toBe('a.brproj');
    expect(projectFileName('.review.json')).toBe('project.brproj');
  });
});
