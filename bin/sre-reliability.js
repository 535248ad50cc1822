#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so no build step is needed.
'use strict';
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
