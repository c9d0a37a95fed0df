import { describe, expect, it } from 'vitest';
import { starterTopics } from '#domain/reference/topics';
import { topicSchema } from '#domain/schemas/reference';

describe('the topic starter set', () => {
  it('has the 14 topics of the catalogue, each with a distinct key', () => {
    expect(starterTopics.map((t) => t.key)).toEqual([
      'gender-basics',
      'gender-equality-law',
      'gender-mainstreaming',
      'ethnic-mountain-gender',
      'union-skills',
      'digital-communication',
      'gbv-prevention',
      'domestic-violence',
      'workplace-harassment',
      'reproductive-health',
      'population-family-children',
      'child-marriage',
      'female-worker-policy',
      'women-advancement',
    ]);
  });

  it('fits the topic schema the server stores', () => {
    for (const topic of starterTopics) {
      const record = {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        spaceId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
        active: true,
        ...topic,
      };
      expect(topicSchema.safeParse(record).success, topic.key).toBe(true);
    }
  });

  it('tags the law and mainstreaming with all eight fields and workplace harassment with labour', () => {
    const fieldsOf = (key: string) => starterTopics.find((t) => t.key === key)?.fields;
    expect(fieldsOf('gender-equality-law')).toHaveLength(8);
    expect(fieldsOf('gender-mainstreaming')).toHaveLength(8);
    expect(fieldsOf('workplace-harassment')).toEqual(['labour']);
  });

  it('keeps the Vietnamese names of the catalogue', () => {
    expect(starterTopics.find((t) => t.key === 'gender-basics')?.nameVi).toBe('Kiến thức cơ bản về giới');
  });
});
