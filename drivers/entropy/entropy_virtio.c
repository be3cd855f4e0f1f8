/*
 * virtio entropy device (device ID 4) on a virtio-mmio transport (version 2,
 * the non-legacy interface: QEMU needs -global virtio-mmio.force-legacy=false,
 * which the board's command line gives). One device per enabled
 * "virtio,device4" node; the registers are its parent transport's.
 *
 * One virtqueue of one descriptor: a request hands the device a kernel
 * buffer to fill, and the driver polls the used ring until the device gives
 * it back. The buffer is the driver's own, never the caller's: bytes are
 * copied out afterwards, so the device never writes into user memory. The
 * wait is bounded; a device that does not answer makes the call fail with
 * -EIO. Requests are serialised by a spinlock, so one call keeps interrupts
 * masked while the host produces at most CHUNK bytes.
 */
#include <string.h>
#include <breeze/kernel.h>
#include <breeze/drivers/entropy.h>

#define DT_DRV_COMPAT virtio_device4

#define MAGIC            0x000
#define VERSION          0x004
#define DEVICE_ID        0x008
#define DEVICE_FEATURES  0x010
#define DEVICE_FEAT_SEL  0x014
#define DRIVER_FEATURES  0x020
#define DRIVER_FEAT_SEL  0x024
#define QUEUE_SEL        0x030
#define QUEUE_NUM_MAX    0x034
#define QUEUE_NUM        0x038
#define QUEUE_READY      0x044
#define QUEUE_NOTIFY     0x050
#define INTERRUPT_STATUS 0x060
#define INTERRUPT_ACK    0x064
#define STATUS           0x070
#define QUEUE_DESC_LOW   0x080
#define QUEUE_DESC_HIGH  0x084
#define QUEUE_AVAIL_LOW  0x090
#define QUEUE_AVAIL_HIGH 0x094
#define QUEUE_USED_LOW   0x0a0
#define QUEUE_USED_HIGH  0x0a4

#define MAGIC_VALUE       0x74726976 /* "virt" */
#define VIRTIO_ID_ENTROPY 4

#define STATUS_ACKNOWLEDGE 1
#define STATUS_DRIVER      2
#define STATUS_DRIVER_OK   4
#define STATUS_FEATURES_OK 8

#define F_VERSION_1_HIGH BIT(0) /* feature bit 32 */
#define DESC_F_WRITE     2      /* the device writes this buffer */

#define CHUNK      64
#define POLL_LIMIT 10000000U

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[1];
	uint16_t used_event;
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[1];
	uint16_t avail_event;
};

struct virtio_rng_config {
	uintptr_t base;
};

struct virtio_rng_data {
	struct k_spinlock lock;
	struct virtq_desc desc __aligned(16);
	struct virtq_avail avail __aligned(2);
	struct virtq_used used __aligned(4);
	uint8_t buf[CHUNK];
	uint16_t last_used;
};

static volatile uint32_t *virtio_reg(const struct device *dev, uintptr_t off)
{
	const struct virtio_rng_config *cfg = dev->config;

	return (volatile uint32_t *)(cfg->base + off);
}

static void set_addr(const struct device *dev, uintptr_t low_reg, const void *p)
{
	*virtio_reg(dev, low_reg) = (uint32_t)(uintptr_t)p;
	*virtio_reg(dev, low_reg + 4) = 0;
}

/* Fill data->buf with up to @len bytes: how many the device wrote, or -EIO. */
static int request_locked(const struct device *dev, struct virtio_rng_data *data, uint16_t len)
{
	volatile uint16_t *used_idx = &data->used.idx;

	data->desc.addr = (uintptr_t)data->buf;
	data->desc.len = len;
	data->desc.flags = DESC_F_WRITE;
	data->avail.ring[0] = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	data->avail.idx++;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	*virtio_reg(dev, QUEUE_NOTIFY) = 0;

	for (uint32_t i = 0; *used_idx == data->last_used; i++) {
		if (i == POLL_LIMIT) {
			return -EIO;
		}
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	data->last_used++;
	*virtio_reg(dev, INTERRUPT_ACK) = *virtio_reg(dev, INTERRUPT_STATUS);
	uint32_t got = data->used.ring[0].len;

	return got <= len ? (int)got : -EIO;
}

static int virtio_rng_get_entropy(const struct device *dev, uint8_t *buffer, uint16_t length)
{
	struct virtio_rng_data *data = dev->data;

	while (length > 0U) {
		k_spinlock_key_t key = k_spin_lock(&data->lock);
		int got = request_locked(dev, data, MIN(length, CHUNK));

		if (got > 0) {
			memcpy(buffer, data->buf, (size_t)got);
			memset(data->buf, 0, sizeof(data->buf));
		}
		k_spin_unlock(&data->lock, key);
		if (got < 0) {
			return got;
		}
		buffer += got;
		length -= (uint16_t)got;
	}
	return 0;
}

static int virtio_rng_get_entropy_isr(const struct device *dev, uint8_t *buffer, uint16_t length,
				      uint32_t flags)
{
	ARG_UNUSED(flags);
	int ret = virtio_rng_get_entropy(dev, buffer, length);

	return ret == 0 ? length : ret;
}

static int virtio_rng_init(const struct device *dev)
{
	struct virtio_rng_data *data = dev->data;

	if (*virtio_reg(dev, MAGIC) != MAGIC_VALUE || *virtio_reg(dev, VERSION) != 2U ||
	    *virtio_reg(dev, DEVICE_ID) != VIRTIO_ID_ENTROPY) {
		return -ENODEV; /* nothing there, a legacy transport, or another device */
	}
	*virtio_reg(dev, STATUS) = 0;
	*virtio_reg(dev, STATUS) = STATUS_ACKNOWLEDGE;
	*virtio_reg(dev, STATUS) = STATUS_ACKNOWLEDGE | STATUS_DRIVER;

	*virtio_reg(dev, DEVICE_FEAT_SEL) = 1;
	if ((*virtio_reg(dev, DEVICE_FEATURES) & F_VERSION_1_HIGH) == 0U) {
		return -ENOTSUP;
	}
	*virtio_reg(dev, DRIVER_FEAT_SEL) = 1;
	*virtio_reg(dev, DRIVER_FEATURES) = F_VERSION_1_HIGH;
	*virtio_reg(dev, DRIVER_FEAT_SEL) = 0;
	*virtio_reg(dev, DRIVER_FEATURES) = 0;
	*virtio_reg(dev, STATUS) = STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK;
	if ((*virtio_reg(dev, STATUS) & STATUS_FEATURES_OK) == 0U) {
		return -ENOTSUP;
	}

	*virtio_reg(dev, QUEUE_SEL) = 0;
	if (*virtio_reg(dev, QUEUE_NUM_MAX) == 0U || *virtio_reg(dev, QUEUE_READY) != 0U) {
		return -EIO;
	}
	*virtio_reg(dev, QUEUE_NUM) = 1;
	set_addr(dev, QUEUE_DESC_LOW, &data->desc);
	set_addr(dev, QUEUE_AVAIL_LOW, &data->avail);
	set_addr(dev, QUEUE_USED_LOW, &data->used);
	*virtio_reg(dev, QUEUE_READY) = 1;
	*virtio_reg(dev, STATUS) =
	    STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK | STATUS_DRIVER_OK;
	return 0;
}

static const struct entropy_driver_api virtio_rng_api = {
	.get_entropy = virtio_rng_get_entropy,
	.get_entropy_isr = virtio_rng_get_entropy_isr,
};

#define VIRTIO_RNG_DEFINE(inst)                                                     \
	static struct virtio_rng_data virtio_rng_data_##inst;                       \
	static const struct virtio_rng_config virtio_rng_config_##inst = {          \
		.base = DT_REG_ADDR(DT_INST_PARENT(inst)),                          \
	};                                                                          \
	DEVICE_DT_INST_DEFINE(inst, virtio_rng_init, NULL, &virtio_rng_data_##inst, \
			      &virtio_rng_config_##inst, PRE_KERNEL_1, 50, &virtio_rng_api);

DT_INST_FOREACH_STATUS_OKAY(VIRTIO_RNG_DEFINE)
