import { checkJsonBudget, type JsonBudget } from './json-budget.js';

const budget: JsonBudget = { maxDepth: 4, maxKeysPerObject: 3, maxArrayLength: 3, maxValues: 8 };
const check = (json: string) => checkJsonBudget(Buffer.from(json), budget);

describe('checkJsonBudget', () => {
  it('accepts bodies within every limit, whatever their strings hold', () => {
    expect(check('{"a":{"b":[1,2,{"c":"[[[[{{{{"}]},"d":"x\\"y:,[","e":[]}')).toBeNull();
    expect(check('[[["deep"]]]')).toBeNull();
    expect(check('"just a string"')).toBeNull();
    expect(check('{"中文":"标题","b":"\\\\"}')).toBeNull();
  });

  it('names where nesting goes too deep', () => {
    expect(check('{"password":[[[["x"]]]]}')).toEqual({ field: 'password.0.0.0', message: 'nests deeper than 4 levels' });
    expect(check('['.repeat(10_000) + ']'.repeat(10_000))).toEqual({ field: '0.0.0.0', message: 'nests deeper than 4 levels' });
  });

  it('names an object with too many keys and an array with too many elements', () => {
    expect(check('{"a":1,"b":2,"c":3,"d":4}')).toEqual({ field: '', message: 'has more than 3 keys' });
    expect(check('{"body":[{"type":1},{"x":1,"y":2,"z":3,"w":4}]}')).toEqual({ field: 'body.1', message: 'has more than 3 keys' });
    expect(check('{"tags":[1, 2 ,3,4]}')).toEqual({ field: 'tags', message: 'has more than 3 elements' });
    expect(check('{"tags":[ ]}')).toBeNull();
  });

  it('counts keys and elements across the whole body', () => {
    expect(check('{"a":[1,2],"b":[1,2],"c":{"x":1}}')).toBeNull(); // 3 + 4 + 1
    expect(check('{"a":[1,2],"b":[1,2],"c":{"x":1,"y":2}}')).toEqual({ field: '', message: 'holds more than 8 keys and array elements in all' });
  });

  it('tells escaped quotes from closing ones', () => {
    expect(check('{"a\\\\":{"b\\"c":[[["x"]]]}}')).toEqual({ field: 'a\\.b"c.0.0', message: 'nests deeper than 4 levels' });
  });

  it('leaves malformed JSON to the parser', () => {
    expect(check('{"a":"unterminated')).toBeNull();
    expect(check('}}]]')).toBeNull();
  });

  it('stops at the first excess: a million keys cost no more than a hundred', () => {
    const wide = '{' + Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',') + '}';
    expect(checkJsonBudget(Buffer.from(wide))).toEqual({ field: '', message: 'has more than 100 keys' });
  });
});
