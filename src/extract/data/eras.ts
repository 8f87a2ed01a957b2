// Named periods a timeline can place: the years they span, as ISO intervals.
export const eras: Readonly<Record<string, string>> = {
  'World War I': '1914/1918',
  'First World War': '1914/1918',
  'World War II': '1939/1945',
  'Second World War': '1939/1945',
  'Cold War': '1947/1991',
  'Korean War': '1950/1953',
  'Vietnam War': '1955/1975',
  'Gulf War': '1990/1991',
  'Iraq War': '2003/2011',
}
