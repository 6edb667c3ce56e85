-- #19.4: lanes of the designer's own (quotes, opportunities, KPIs, legal basis…): a journey's extra rows, each with a
-- text per step, shown on the map under the fixed lanes and carried in the exchange format. Removing a lane removes
-- its texts; the published versions keep theirs in their snapshots.
CREATE TABLE journey_lanes (
  id INTEGER PRIMARY KEY,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX journey_lanes_by_journey ON journey_lanes (journey_id, position);

CREATE TABLE step_lane_texts (
  lane_id INTEGER NOT NULL REFERENCES journey_lanes (id) ON DELETE CASCADE,
  step_id INTEGER NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  PRIMARY KEY (lane_id, step_id)
) WITHOUT ROWID;
