/**
 * react-inlinesvg for unit tests, replacing the create-plugin template's mock (.config/jest/mocks). Like that
 * mock it draws an empty <svg> with the icon's file name as test id, so @grafana/ui icons make no requests. The
 * template's mock runs /(.+)\/(.+)\.svg$/ over `src`, and EmptyState passes its 95 KB illustration inline as
 * `src`: the regex backtracks for about 4 s per render, which made every empty-state test slow and, on a busy
 * machine, flaky. Here the name is cut out in linear time, and inline markup gets no test id.
 */
import React from 'react';

export default function InlineSvgStub({ src }: { src: string }) {
  const isFile = src.endsWith('.svg') && !src.trimStart().startsWith('<');
  const name = isFile ? src.slice(src.lastIndexOf('/') + 1, -'.svg'.length) : undefined;
  return <svg xmlns="http://www.w3.org/2000/svg" data-testid={name} viewBox="0 0 24 24" />;
}
