import heapq, bisect

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 6]; heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 5), data, heapq.heappushpop(data, 0), heapq.heappushpop(data, 10), data)
print([heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len), heapq.nlargest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(['c', 'a'], ['b'], reverse=True)))
print(list(heapq.merge([1, 3], [2], key=lambda x: -x if False else x)))
pq = []; heapq.heappush(pq, (2, 'b')); heapq.heappush(pq, (1, 'a')); heapq.heappush(pq, (2, 'a')); print([heapq.heappop(pq) for _ in range(3)])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect_left(a, 5, 0, 3), bisect.bisect(a, 0))
bisect.insort(a, 3); bisect.insort_left(a, 4); bisect.insort_right(a, 9); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print('ValueError', e)
