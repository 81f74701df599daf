// Renderer test set-up: Testing Library's DOM matchers for vitest, and a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
