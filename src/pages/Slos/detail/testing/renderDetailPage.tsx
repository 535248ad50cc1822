import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render } from '@testing-library/react';
import SloDetailPage from '../SloDetailPage';

export const BASE = '/a/sre-reliability-app/slos';

function Location() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

/** Renders the detail page at /slos/<id>, with the list route so navigation there can be seen. */
export function renderDetailPage(id: string) {
  return render(
    <MemoryRouter initialEntries={[`${BASE}/${id}`]}>
      <Routes>
        <Route path={`${BASE}/:id`} element={<SloDetailPage />} />
        <Route path={BASE} element={<div>SLO list</div>} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}
