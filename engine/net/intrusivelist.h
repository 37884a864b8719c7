#pragma once

#include <QtGlobal>

#include <cstddef>
#include <iterator>

namespace Balancier {

/// The links an object carries to be in one IntrusiveList.
struct IntrusiveHook
{
    void *prev = nullptr;
    void *next = nullptr;
    bool linked = false;
};

/// A doubly linked list threaded through a hook inside each element: insert,
/// erase and contains are O(1) and never allocate (a worker's session sets,
/// where a hash set cost two allocations per connection; bench/heapcheck.sh).
/// It does not own its elements. Iterators stay valid while other elements
/// are erased, not the one they point to.
///
/// Thread contract: as the object that holds it (a Worker: its thread only).
template<typename T, IntrusiveHook T::*Hook>
class IntrusiveList final
{
    Q_DISABLE_COPY_MOVE(IntrusiveList)

public:
    class Iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T *;
        using difference_type = std::ptrdiff_t;
        using pointer = T **;
        using reference = T *;

        Iterator() = default;
        explicit Iterator(T *at)
            : m_at(at)
        { }
        T *operator*() const { return m_at; }
        Iterator &operator++()
        {
            m_at = static_cast<T *>((m_at->*Hook).next);
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const Iterator &, const Iterator &) = default;

    private:
        T *m_at = nullptr;
    };

    IntrusiveList() = default;
    ~IntrusiveList() { clear(); }

    /// Appends `item`; nothing happens when it is in the list already.
    void insert(T *item)
    {
        IntrusiveHook &hook = item->*Hook;
        if (hook.linked)
            return;
        hook.prev = m_last;
        hook.next = nullptr;
        hook.linked = true;
        if (m_last)
            (m_last->*Hook).next = item;
        else
            m_first = item;
        m_last = item;
        ++m_size;
    }

    /// Takes `item` out; nothing happens when it is not in the list.
    void erase(T *item)
    {
        IntrusiveHook &hook = item->*Hook;
        if (!hook.linked)
            return;
        T *prev = static_cast<T *>(hook.prev);
        T *next = static_cast<T *>(hook.next);
        if (prev)
            (prev->*Hook).next = next;
        else
            m_first = next;
        if (next)
            (next->*Hook).prev = prev;
        else
            m_last = prev;
        hook = {};
        --m_size;
    }

    bool contains(const T *item) const { return (item->*Hook).linked; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    /// Unlinks every element (they stay alive).
    void clear()
    {
        while (m_first)
            erase(m_first);
    }

    T *first() const { return m_first; }
    /// The element after `item` (which must be in the list), or nullptr.
    static T *next(const T *item) { return static_cast<T *>((item->*Hook).next); }

    Iterator begin() const { return Iterator(m_first); }
    Iterator end() const { return Iterator(); }

private:
    T *m_first = nullptr;
    T *m_last = nullptr;
    std::size_t m_size = 0;
};

}  // namespace Balancier
