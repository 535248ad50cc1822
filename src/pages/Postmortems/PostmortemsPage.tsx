import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';

/** The Postmortems area. */
export default function PostmortemsPage() {
  return (
    <AreaPage
      testId={testIds.pages.postmortems}
      description="Write blameless postmortems prefilled from the incident, and follow their action items to done."
    />
  );
}
