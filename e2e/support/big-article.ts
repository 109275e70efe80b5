/**
 * A long Korean article for scale tests and the UI bench: a headline and `paragraphs` paragraphs, each different
 * (numbered, and cycling through a few sentence shapes) so no two rows are the same text.
 */
export function bigArticle(paragraphs: number): string {
  const shapes = [
    (i: number) => `서울시는 ${i}번째 협력 사업을 통해 베트남 하노이와 스마트 교통 기술을 공유한다고 밝혔다.`,
    (i: number) => `이번 사업에는 국내 기업 ${i % 50}곳이 참여하며, 총 ${i}억 원 규모로 진행될 예정이다.`,
    (i: number) => `관계자는 "${i}차 회의에서 구체적인 일정이 확정될 것"이라고 말했다.`,
    (i: number) => `양측은 대중교통 데이터 ${i}건을 분석해 출퇴근 시간대 혼잡을 줄이는 방안을 논의했다.`,
  ];
  const lines = [`서울시·하노이 스마트 모빌리티 협력 ${paragraphs}개 문단 보고서`];
  for (let i = 1; i <= paragraphs; i++) lines.push(shapes[i % shapes.length]!(i));
  return lines.join('\n');
}
