// Renderer tests run in jsdom; nothing global to set up yet beyond cleanup between tests.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
